package org.diminet.dataplane.linux.site;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.diminet.core.dataplane.DataPlane;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.dataplane.linux.L2Vni;
import org.diminet.dataplane.linux.VxlanInfo;

/**
 * The {@code linux} driver: an L2 extension is a VXLAN device in the extended network's bridge and an
 * EVPN VNI in the site's FRR that exports this site's route target and imports the others'; FRR then
 * exchanges type-2/3 routes with the other sites and programs the bridge's forwarding entries. The
 * attachment records the VNI and the network. L3 routing (type-5 routes over an L3 VNI) is not built yet
 * and is refused with a message saying so.
 */
public final class LinuxDataPlane implements DataPlane {
    public static final String DRIVER = "linux";

    private final LinuxSite site;

    public LinuxDataPlane(LinuxSite site) {
        this.site = site;
    }

    @Override
    public String driver() {
        return DRIVER;
    }

    @Override
    public DataPlaneAttachment attach(GlobalId service, ServiceType type, NetworkId localNetwork, RouteTarget export,
                                      Set<RouteTarget> imports) {
        if (type != ServiceType.L2) {
            throw new ConflictException("data-plane-unsupported", "the linux data plane of "
                    + site.settings().region() + " carries L2 extensions only so far; L3 routing needs"
                    + " diminet.data-plane.driver none or bgpvpn");
        }
        long vni = ServiceVni.of(service);
        synchronized (site) {
            Optional<VxlanInfo> taken = site.network().listVxlans(site.settings().siteNamespace()).stream()
                    .filter(v -> v.vni() == vni).findFirst();
            String bridge = site.network().naming().bridge(localNetwork.value());
            if (taken.isPresent() && !bridge.equals(taken.get().bridge())) {
                throw new ConflictException("vni-in-use", "VNI " + vni + " of service " + service + " is already used at "
                        + site.settings().region() + " by another network; create the service again (a new id)");
            }
            connect(vni, localNetwork, Set.of(export), imports);
        }
        return new DataPlaneAttachment(DRIVER, List.of(Long.toString(vni), localNetwork.value()), export, imports);
    }

    @Override
    public DataPlaneAttachment updateImports(DataPlaneAttachment attachment, Set<RouteTarget> imports) {
        site.evpn().replaceImports(vni(attachment), targets(imports));
        return new DataPlaneAttachment(DRIVER, attachment.externalIds(), attachment.exportTarget(), imports);
    }

    @Override
    public void detach(DataPlaneAttachment attachment) {
        disconnect(vni(attachment));
    }

    @Override
    public void detachUnrecorded(GlobalId service) {
        disconnect(ServiceVni.of(service));
    }

    /**
     * FRR's configuration lives in its process and starts empty: every stored L2 attachment is applied
     * again, and every VXLAN device or VNI of this driver that no stored attachment names is removed.
     */
    @Override
    public void restore(List<StoredAttachment> attachments) {
        Set<Long> wanted = new HashSet<>();
        for (StoredAttachment stored : attachments) {
            DataPlaneAttachment a = stored.attachment();
            if (DRIVER.equals(a.driver()) && stored.type() == ServiceType.L2) {
                long vni = vni(a);
                wanted.add(vni);
                connect(vni, stored.localNetwork(), Set.of(a.exportTarget()), a.importTargets());
            }
        }
        String namespace = site.settings().siteNamespace();
        for (VxlanInfo vxlan : site.network().listVxlans(namespace)) {
            if (!wanted.contains(vxlan.vni())) {
                disconnect(vxlan.vni());
            }
        }
        for (Long vni : site.evpn().configuredVnis().keySet()) {
            if (!wanted.contains(vni)) {
                disconnect(vni);
            }
        }
    }

    private void connect(long vni, NetworkId network, Set<RouteTarget> exports, Set<RouteTarget> imports) {
        String namespace = site.settings().siteNamespace();
        String bridge = site.network().ensureBridge(namespace, network.value());
        site.network().ensureVxlan(namespace, vni, site.settings().underlayAddress(), bridge);
        site.evpn().ensureL2Vni(new L2Vni(vni, Optional.empty(), targets(imports), targets(exports)));
    }

    private void disconnect(long vni) {
        site.evpn().removeL2Vni(vni);
        site.network().deleteVxlan(site.settings().siteNamespace(), vni);
    }

    private static long vni(DataPlaneAttachment attachment) {
        return Long.parseLong(attachment.externalIds().getFirst());
    }

    private static Set<org.diminet.dataplane.linux.RouteTarget> targets(Set<RouteTarget> targets) {
        return targets.stream().map(t -> org.diminet.dataplane.linux.RouteTarget.of(t.value())).collect(Collectors.toSet());
    }
}
