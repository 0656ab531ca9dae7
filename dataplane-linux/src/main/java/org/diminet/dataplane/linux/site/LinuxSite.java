package org.diminet.dataplane.linux.site;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.diminet.dataplane.linux.BgpEvpn;
import org.diminet.dataplane.linux.BgpNeighbor;
import org.diminet.dataplane.linux.BgpRouter;
import org.diminet.dataplane.linux.FrrInstance;
import org.diminet.dataplane.linux.LinkInfo;
import org.diminet.dataplane.linux.LinuxNetwork;
import org.diminet.dataplane.linux.MachineSpec;
import org.diminet.vim.embedded.EmbeddedVim;
import org.diminet.vim.embedded.FixedIp;
import org.diminet.vim.embedded.NetworkView;
import org.diminet.vim.embedded.PortView;
import org.diminet.vim.embedded.SubnetView;

/**
 * One site on the host: its namespace joined to the WAN, its FRR speaking BGP EVPN to the other sites,
 * and the kernel following the embedded VIM: a bridge per network, a machine (a namespace with the
 * port's address and the subnet's gateway) per port of a {@code compute:*} owner. The machines follow
 * the VIM on every change, by comparing what the VIM holds with what the kernel has (so a restart, or
 * a change missed, is put right the same way). The site's FRR also accepts BGP sessions from the routers
 * of its L3 services ({@link L3Routers}), whose namespaces {@link #close()} removes with the rest.
 */
public final class LinuxSite implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LinuxSite.class.getName());

    private final LinuxSiteSettings settings;
    private final LinuxNetwork net;
    private final EmbeddedVim vim;
    private final ExecutorService follower = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "linux-data-plane-follower");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean followPending = new AtomicBoolean();
    private final L3Routers routers = new L3Routers(this);
    private boolean following;
    private FrrInstance frr;
    private BgpEvpn evpn;

    public LinuxSite(LinuxSiteSettings settings, LinuxNetwork net, EmbeddedVim vim) {
        this.settings = settings;
        this.net = net;
        this.vim = vim;
    }

    /**
     * Joins the WAN, starts FRR with a session to every peer and open to this site's L3 routers, and gives
     * the VIM's ports their machines. Starting again (e.g. after FRR was restarted) puts all this right.
     */
    public synchronized void start() {
        String site = settings.siteNamespace();
        net.ensureWan(settings.wanNamespace());
        net.namespaces().ensure(site);
        net.attachToWan(settings.wanNamespace(), site, settings.underlayCidr());
        frr = new FrrInstance(net.runner(), site, settings.frrDirectory());
        frr.start(settings.region().name(), Duration.ofSeconds(20));
        evpn = new BgpEvpn(frr);
        evpn.configureRouter(BgpRouter.ebgp(settings.asn(), settings.underlayAddress(),
                settings.peers().values().stream().sorted().map(BgpNeighbor::external).toList()));
        net.ensureOnLinkRoute(site, settings.routerUnderlay(), net.naming().uplink());
        evpn.acceptRouters(settings.routerRange(), L3Routers.PEER_GROUP);
        if (!following) {
            vim.onChange(this::followSoon);
            following = true;
        }
        followVim();
    }

    LinuxSiteSettings settings() {
        return settings;
    }

    LinuxNetwork network() {
        return net;
    }

    L3Routers routers() {
        return routers;
    }

    /** The subnets the VIM has on a network. */
    List<SubnetView> subnets(String networkId) {
        return vim.subnets().list(java.util.Optional.of(networkId));
    }

    synchronized BgpEvpn evpn() {
        if (evpn == null) {
            throw new IllegalStateException("the linux data plane of " + settings.region() + " is not started");
        }
        return evpn;
    }

    /** Coalesces bursts of VIM changes into one pass on the follower thread. */
    private void followSoon() {
        if (followPending.compareAndSet(false, true)) {
            follower.execute(() -> {
                followPending.set(false);
                try {
                    followVim();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "linux data plane of " + settings.region() + ": following the VIM failed: "
                            + e.getMessage(), e);
                }
            });
        }
    }

    /** Makes bridges and machines match the VIM: adds what is missing, corrects what differs, removes the rest. */
    public synchronized void followVim() {
        String site = settings.siteNamespace();
        Map<String, SubnetView> subnets = new HashMap<>();
        vim.subnets().list(java.util.Optional.empty()).forEach(s -> subnets.put(s.id(), s));
        Set<String> networks = new HashSet<>();
        for (NetworkView network : vim.networks().list()) {
            networks.add(network.id());
            net.ensureBridge(site, network.id());
        }
        for (LinkInfo bridge : net.listBridges(site)) {
            if (!bridge.alias().isEmpty() && !networks.contains(bridge.alias())) {
                net.deleteBridge(site, bridge.alias());
            }
        }
        Set<String> machines = new HashSet<>();
        for (PortView port : vim.ports().list(java.util.Optional.empty())) {
            if (!port.deviceOwner().startsWith("compute:") || port.fixedIps().isEmpty()) {
                continue;
            }
            FixedIp ip = port.fixedIps().getFirst();
            SubnetView subnet = subnets.get(ip.subnetId());
            if (subnet == null) {
                continue;
            }
            String namespace = settings.machineNamespace(port.id());
            machines.add(namespace);
            String prefix = subnet.cidr().value().substring(subnet.cidr().value().indexOf('/'));
            net.ensureMachine(new MachineSpec(namespace, site, net.naming().bridge(port.networkId()), ip.ipAddress() + prefix,
                    subnet.gatewayIp(), port.macAddress(), MachineSpec.DEFAULT_MTU));
        }
        for (String namespace : net.namespaces().list(settings.machinePrefix())) {
            if (!machines.contains(namespace)) {
                net.deleteMachine(namespace);
            }
        }
    }

    /**
     * Stops FRR (the site's and its routers') and removes the routers, the machines, the site's namespace
     * and its WAN port (and the WAN when no site is left on it): a stopped site leaves nothing.
     */
    @Override
    public synchronized void close() {
        follower.shutdownNow();
        List<FrrInstance> all = new java.util.ArrayList<>(routers.frrs());
        if (frr != null) {
            all.add(frr);
        }
        FrrInstance.stopAll(all);
        routers.removeAll(routers.vnis());
        for (String namespace : net.namespaces().list(settings.machinePrefix())) {
            net.deleteMachine(namespace);
        }
        net.detachFromWan(settings.wanNamespace(), settings.siteNamespace());
        net.namespaces().delete(settings.siteNamespace());
        if (net.listWanPorts(settings.wanNamespace()).isEmpty()) {
            net.namespaces().delete(settings.wanNamespace()); // the last site on this host takes the WAN with it
        }
    }
}
