package org.diminet.core.dataplane;

import java.util.List;
import java.util.Set;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.ServiceType;

/**
 * The {@code none} driver, for sites without a BGPVPN-capable VIM (and the embedded simulator): it
 * creates nothing outside DIMINET, but the route targets it records are exactly those a real driver
 * would configure, so an operator can wire the fabric by hand from the service's connections.
 */
public final class RecordOnlyDataPlane implements DataPlane {

    @Override
    public String driver() {
        return "none";
    }

    @Override
    public DataPlaneAttachment attach(GlobalId service, ServiceType type, NetworkId localNetwork,
                                      RouteTarget export, Set<RouteTarget> imports) {
        return new DataPlaneAttachment(driver(), List.of(), export, imports);
    }

    @Override
    public DataPlaneAttachment updateImports(DataPlaneAttachment attachment, Set<RouteTarget> imports) {
        return new DataPlaneAttachment(driver(), attachment.externalIds(), attachment.exportTarget(), imports);
    }

    @Override
    public void detach(DataPlaneAttachment attachment) {
        // Nothing was created outside DIMINET, so there is nothing to remove.
    }

    @Override
    public void detachUnrecorded(GlobalId service) {
        // Nothing is made outside the record.
    }
}
