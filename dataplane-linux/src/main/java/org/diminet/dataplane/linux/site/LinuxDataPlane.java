package org.diminet.dataplane.linux.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * The {@code linux} driver.
 *
 * <p>An L2 extension is a VXLAN device in the extended network's bridge and an EVPN VNI in the site's FRR
 * that exports this site's route target and imports the others'; FRR then exchanges type-2/3 routes with
 * the other sites and programs the bridge's forwarding entries. The attachment records
 * {@code [VNI, network]}.
 *
 * <p>An L3 service is a router namespace per service and site ({@link L3Routers}): it holds the local
 * subnet's gateway address on a leg into the network's bridge, and its own FRR advertises the subnet as a
 * type-5 route over the service's L3 VNI ({@link ServiceVni#l3}) with this site's route target and installs
 * the prefixes of the route targets it imports. The attachment records {@code ["l3", L3VNI, network, VTEP]}.
 */
public final class LinuxDataPlane implements DataPlane {
    public static final String DRIVER = "linux";
    /** The first external id of an L3 attachment. */
    static final String L3 = "l3";

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
        return switch (type) {
            case L2 -> attachL2(service, localNetwork, export, imports);
            case L3 -> attachL3(service, localNetwork, export, imports);
        };
    }

    private DataPlaneAttachment attachL2(GlobalId service, NetworkId localNetwork, RouteTarget export,
                                         Set<RouteTarget> imports) {
        long vni = ServiceVni.l2(service);
        synchronized (site) {
            Optional<VxlanInfo> taken = site.network().listVxlans(site.settings().siteNamespace()).stream()
                    .filter(v -> v.vni() == vni).findFirst();
            String bridge = site.network().naming().bridge(localNetwork.value());
            if (taken.isPresent() && !(bridge.equals(taken.get().bridge()) && ownedBy(taken.get(), service))) {
                throw new ConflictException("vni-in-use", "VNI " + vni + " of service " + service + " is already used at "
                        + site.settings().region() + " by another network; create the service again (a new id)");
            }
            connect(service, vni, localNetwork, Set.of(export), imports);
        }
        return new DataPlaneAttachment(DRIVER, List.of(Long.toString(vni), localNetwork.value()), export, imports);
    }

    private DataPlaneAttachment attachL3(GlobalId service, NetworkId localNetwork, RouteTarget export,
                                         Set<RouteTarget> imports) {
        long vni = ServiceVni.l3(service);
        String vtep;
        synchronized (site) {
            vtep = site.routers().ensure(service, vni, localNetwork, Optional.empty(), Set.of(export), imports);
        }
        return new DataPlaneAttachment(DRIVER, List.of(L3, Long.toString(vni), localNetwork.value(), vtep), export,
                imports);
    }

    @Override
    public DataPlaneAttachment updateImports(DataPlaneAttachment attachment, Set<RouteTarget> imports) {
        synchronized (site) {
            if (isL3(attachment)) {
                site.routers().replaceImports(l3Vni(attachment), imports);
            } else {
                site.evpn().replaceImports(vni(attachment), L3Routers.targets(imports));
            }
        }
        return new DataPlaneAttachment(DRIVER, attachment.externalIds(), attachment.exportTarget(), imports);
    }

    @Override
    public void detach(DataPlaneAttachment attachment) {
        synchronized (site) {
            if (isL3(attachment)) {
                site.routers().remove(l3Vni(attachment));
            } else {
                disconnect(vni(attachment));
            }
        }
    }

    /**
     * Removes both what an L2 extension and what an L3 service of {@code service} would have made here, but
     * never what another service owns with the same VNI: the core calls this before every first attach, and
     * a service refused for a VNI in use must not take the other's down on its way.
     */
    @Override
    public void detachUnrecorded(GlobalId service) {
        synchronized (site) {
            long vni = ServiceVni.l2(service);
            boolean ours = site.network().listVxlans(site.settings().siteNamespace()).stream()
                    .filter(v -> v.vni() == vni).allMatch(v -> ownedBy(v, service));
            if (ours) {
                disconnect(vni);
            }
            long l3Vni = ServiceVni.l3(service);
            if (site.routers().owner(l3Vni).map(owner -> owner.equals(service.toString())).orElse(true)) {
                site.routers().remove(l3Vni);
            }
        }
    }

    /** A device without an owner was made before devices carried one: it counts as anybody's. */
    private static boolean ownedBy(VxlanInfo device, GlobalId service) {
        return device.alias().isEmpty() || device.alias().equals(service.toString());
    }

    /**
     * FRR's configuration lives in its process and starts empty: every stored attachment is applied again
     * (an L3 one keeps its recorded VTEP address when it is free), and every VXLAN device, VNI or router of
     * this driver that no stored attachment names is removed. One attachment that cannot be rebuilt (e.g. its
     * subnet lost its gateway) does not keep the others from being rebuilt; the first failure is thrown at
     * the end, the others suppressed in it.
     */
    @Override
    public void restore(List<StoredAttachment> attachments) {
        List<RuntimeException> failures = new ArrayList<>();
        synchronized (site) {
            Set<Long> wanted = new HashSet<>();
            Set<Long> wantedRouters = new HashSet<>();
            for (StoredAttachment stored : attachments) {
                DataPlaneAttachment a = stored.attachment();
                if (!DRIVER.equals(a.driver())) {
                    continue;
                }
                try {
                    if (stored.type() == ServiceType.L3 && isL3(a)) {
                        long vni = l3Vni(a);
                        wantedRouters.add(vni);
                        Optional<String> vtep = a.externalIds().size() > 3 ? Optional.of(a.externalIds().get(3))
                                : Optional.empty();
                        site.routers().ensure(stored.service(), vni, stored.localNetwork(), vtep,
                                Set.of(a.exportTarget()), a.importTargets());
                    } else if (stored.type() == ServiceType.L2 && !isL3(a)) {
                        long vni = vni(a);
                        wanted.add(vni);
                        connect(stored.service(), vni, stored.localNetwork(), Set.of(a.exportTarget()), a.importTargets());
                    }
                } catch (RuntimeException e) {
                    failures.add(e);
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
            Set<Long> unwanted = new HashSet<>(site.routers().vnis());
            unwanted.removeAll(wantedRouters);
            site.routers().removeAll(unwanted);
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private void connect(GlobalId service, long vni, NetworkId network, Set<RouteTarget> exports,
                         Set<RouteTarget> imports) {
        String namespace = site.settings().siteNamespace();
        String bridge = site.network().ensureBridge(namespace, network.value());
        site.network().ensureVxlan(namespace, vni, site.settings().underlayAddress(), bridge,
                Optional.of(service.toString()));
        site.evpn().ensureL2Vni(new L2Vni(vni, Optional.empty(), L3Routers.targets(imports), L3Routers.targets(exports)));
    }

    private void disconnect(long vni) {
        site.evpn().removeL2Vni(vni);
        site.network().deleteVxlan(site.settings().siteNamespace(), vni);
    }

    private static boolean isL3(DataPlaneAttachment attachment) {
        return !attachment.externalIds().isEmpty() && L3.equals(attachment.externalIds().getFirst());
    }

    private static long vni(DataPlaneAttachment attachment) {
        return Long.parseLong(attachment.externalIds().getFirst());
    }

    private static long l3Vni(DataPlaneAttachment attachment) {
        return Long.parseLong(attachment.externalIds().get(1));
    }
}
