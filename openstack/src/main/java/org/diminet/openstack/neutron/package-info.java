/**
 * The {@link org.diminet.core.vim.Vim} port over Neutron v2.0, and the authenticated Neutron client it shares
 * with the BGPVPN data plane.
 */
package org.diminet.openstack.neutron;
