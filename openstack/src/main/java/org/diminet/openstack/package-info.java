/**
 * DIMINET's OpenStack adapters: a Keystone v3 session ({@code keystone}), the {@link org.diminet.core.vim.Vim}
 * port over Neutron v2.0 ({@code neutron}), the {@link org.diminet.core.dataplane.DataPlane} port over
 * networking-bgpvpn ({@code bgpvpn}) and the prototype's {@code services.conf} reader ({@code config}).
 *
 * <p>Keystone's and Neutron's JSON never leave this module: the ports speak core types only, and failures
 * reach the core as {@link org.diminet.core.domain.error.VimException}s naming the region. No framework is used;
 * HTTP is the JDK's {@link java.net.http.HttpClient}.
 */
package org.diminet.openstack;
