package org.diminet.core.dataplane;

import java.util.Set;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.ServiceType;

/**
 * Creates, changes and removes the local data-plane objects of a service. Called after the service's
 * local state is stored, never inside a store transaction.
 */
public interface DataPlane {

    /** The driver name, recorded in every attachment it makes. */
    String driver();

    /** Connects the local network: export {@code export}, import every target in {@code imports}. */
    DataPlaneAttachment attach(GlobalId service, ServiceType type, NetworkId localNetwork,
                               RouteTarget export, Set<RouteTarget> imports);

    /** Changes the imported targets after sites joined or left the service. */
    DataPlaneAttachment updateImports(DataPlaneAttachment attachment, Set<RouteTarget> imports);

    /** Removes what {@link #attach} created. Removing something already gone is not an error. */
    void detach(DataPlaneAttachment attachment);

    /**
     * Removes whatever this driver made for {@code service} at this site without a record of it (a
     * crash between the driver's work and the store's write), found by the driver's own naming.
     */
    void detachUnrecorded(GlobalId service);

    /**
     * After this site restarted: make the data plane match the attachments the store keeps, and remove
     * what this driver made for anything else. A driver whose state lives outside the process (a
     * Neutron's BGPVPNs) needs nothing here; one whose state the process held (FRR's configuration)
     * rebuilds it.
     */
    default void restore(java.util.List<StoredAttachment> attachments) {
    }

    /** A service's attachment at this site as the store keeps it, with what a driver needs to rebuild it. */
    record StoredAttachment(GlobalId service, ServiceType type, NetworkId localNetwork, DataPlaneAttachment attachment) {
    }
}
