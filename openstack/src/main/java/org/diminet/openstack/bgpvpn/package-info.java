/** The {@link org.diminet.core.dataplane.DataPlane} port over networking-bgpvpn (driver {@code bgpvpn}). */
package org.diminet.openstack.bgpvpn;
