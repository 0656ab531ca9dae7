package org.diminet.vim.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.core.domain.error.VimException;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.Vim;
import org.diminet.core.vim.VimNetwork;
import org.diminet.core.vim.VimPort;
import org.diminet.core.vim.VimSubnet;

/**
 * A simulated OpenStack site: networks, subnets and ports with Neutron's semantics, in memory and
 * optionally persisted to a JSON snapshot file.
 *
 * <p>It implements the core's {@link Vim} port and, through {@link #networks()}, {@link #subnets()}
 * and {@link #ports()}, a richer API for a Neutron-shaped HTTP facade. The rich API reports failures
 * as {@link EmbeddedVimException} with Neutron's status and error type; the {@link Vim} methods report
 * them as {@link VimException} naming the region, as that port requires.
 *
 * <p>Semantics kept from Neutron: allocation pools must lie inside the CIDR (minus its first and last
 * address), must not overlap each other and must not contain the gateway; subnets of one network must
 * not overlap (different networks may); a new port gets the lowest free address of the first IPv4 subnet
 * (in creation order) that still has one, the same of the stateful IPv6 subnets, and its EUI-64 address on
 * every SLAAC subnet; an explicit fixed IP only needs to be inside the CIDR;
 * changing pools never touches existing ports; a network with user ports, or a subnet with user
 * addresses, cannot be deleted. Ports of Neutron's auto-deleted owners ({@code network:dhcp} and the like)
 * belong to the VIM and go away with their network; a router's ports keep their network and subnet in use.
 * Every network, subnet and port has an owning project, and a network may be shared; the rich API serves
 * every project, so deciding who may see or change what (Neutron's policy) is left to the facade that knows
 * the caller.
 *
 * <p>Routers ({@link #routers()}) and {@code router:external} networks ({@link #externalNetworks()}) are
 * Neutron's {@code router}, {@code ext-gw-mode} and {@code external-net} extensions, with the same checks.
 *
 * <p>Every operation holds one lock: this is a simulator, correctness beats throughput.
 */
public final class EmbeddedVim implements Vim {

    private final Region region;
    private final SiteStore store;
    private final Networks networks;
    private final Subnets subnets;
    private final Ports ports;
    private final Routers routers;
    private final ExternalNetworks externalNetworks;

    /**
     * A simulated site.
     *
     * @param region       the region this site is, named in {@link VimException}s
     * @param siteProject  the site's own project ({@code diminet.project}): it owns the networks of a
     *                     snapshot written before networks had owners
     * @param snapshotFile where to keep the state; loaded now if it exists, rewritten after every change.
     *                     Empty keeps the state in memory only.
     * @throws VimException when the snapshot file exists but cannot be read
     * @throws IllegalArgumentException when the site project is blank
     */
    public EmbeddedVim(Region region, String siteProject, Optional<Path> snapshotFile) {
        this(region, Objects.requireNonNull(snapshotFile, "snapshotFile")
                .map(path -> new SnapshotFile(path, requireProject(siteProject))));
    }

    /** An in-memory site. */
    public EmbeddedVim(Region region) {
        this(region, Optional.<SnapshotFile>empty());
    }

    private EmbeddedVim(Region region, Optional<SnapshotFile> snapshotFile) {
        this.region = Objects.requireNonNull(region, "region");
        this.store = new SiteStore(region, snapshotFile);
        this.networks = new Networks(store);
        this.subnets = new Subnets(store);
        this.ports = new Ports(store);
        this.routers = new Routers(store);
        this.externalNetworks = new ExternalNetworks(store);
    }

    private static String requireProject(String siteProject) {
        if (siteProject == null || siteProject.isBlank()) {
            throw new IllegalArgumentException("the embedded VIM needs its site's project (diminet.project)");
        }
        return siteProject;
    }

    public Region region() {
        return region;
    }

    /** Networks, Neutron style. */
    public Networks networks() {
        return networks;
    }

    /** Subnets, Neutron style. */
    public Subnets subnets() {
        return subnets;
    }

    /** Ports, Neutron style. */
    public Ports ports() {
        return ports;
    }

    /** Routers and their interfaces, Neutron style. */
    public Routers routers() {
        return routers;
    }

    /** Which networks are {@code router:external}, Neutron style. */
    public ExternalNetworks externalNetworks() {
        return externalNetworks;
    }

    /**
     * Runs {@code operation}, made of calls to {@link #networks()}, {@link #subnets()} and {@link #ports()},
     * as one change: all of it or, when it throws, none of it (Neutron's bulk create). It is logged as one
     * change too.
     */
    public <T> T atomically(Supplier<T> operation) {
        return store.write(state -> operation.get());
    }

    /**
     * Runs {@code listener} after every change of this site's networks, subnets or ports has been made
     * (and saved), outside the site's lock: a data plane that gives ports their machines follows the VIM
     * this way. Listeners should be quick and hand long work to another thread.
     */
    public void onChange(Runnable listener) {
        store.onChange(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Turns an allocation pool as a client wrote it into an {@link IpRange}, reporting malformed input
     * as Neutron's 400 instead of the core's {@link InvalidRequestException}.
     */
    public static IpRange allocationPool(String start, String end) {
        return SubnetValidation.allocationPool(start, end);
    }

    // --- the core's Vim port -----------------------------------------------------------------------

    @Override
    public Optional<VimNetwork> findNetwork(NetworkId id) {
        return store.read(state -> state.findNetwork(id.value()).map(EmbeddedVim::toVimNetwork));
    }

    @Override
    public List<VimNetwork> networksNamed(String name) {
        return store.read(state -> state.networksNamed(name).stream().map(EmbeddedVim::toVimNetwork).toList());
    }

    @Override
    public List<VimSubnet> subnetsOf(NetworkId id) {
        return store.read(state -> state.findNetwork(id.value()).map(state::subnetsOf).orElse(List.of())
                .stream().map(EmbeddedVim::toVimSubnet).toList());
    }

    @Override
    public List<VimSubnet> allSubnets() {
        return store.read(state -> state.subnets().stream().map(EmbeddedVim::toVimSubnet).toList());
    }

    /** From the CIDR index: the cost does not grow with the number of subnets. */
    @Override
    public List<VimSubnet> subnetsOverlapping(org.diminet.core.domain.Cidr cidr) {
        return store.read(state -> state.subnetsOverlapping(cidr.block()).stream().map(EmbeddedVim::toVimSubnet).toList());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The network is not shared; the subnet is named like the network and has its owner. A null
     * {@link SubnetSpec#gatewayIp()} means no gateway, as in {@link VimSubnet}; an empty pool list means
     * every usable address.
     */
    @Override
    public VimNetwork createNetworkWithSubnet(String name, String project, SubnetSpec subnet) {
        GatewayChoice gateway = subnet.gatewayIp() == null ? GatewayChoice.none() : GatewayChoice.of(subnet.gatewayIp());
        // One change, so the snapshot never holds the network without its subnet.
        return asVimFailure(() -> store.write(state -> {
            NetworkView network = networks.create(name, project, false);
            try {
                subnets.create(network.id(), Optional.empty(), name, subnet.cidr().value(), gateway,
                        subnet.allocationPools());
            } catch (RuntimeException e) {
                state.removeNetwork(network.id());
                throw e;
            }
            return toVimNetwork(state.requireNetwork(network.id()));
        }));
    }

    /** {@inheritDoc} An empty list leaves the subnet without pools. */
    @Override
    public VimSubnet updateAllocationPools(String subnetId, List<IpRange> pools) {
        return asVimFailure(() -> toVimSubnet(subnets.update(subnetId, Optional.empty(), Optional.of(pools))));
    }

    /** {@inheritDoc} Refused (as a {@link VimException}) while users' ports are on the network. */
    @Override
    public void deleteNetwork(NetworkId id) {
        asVimFailure(() -> store.write(state -> {
            if (state.findNetwork(id.value()).isPresent()) {
                networks.delete(id.value());
            }
            return null;
        }));
    }

    @Override
    public List<VimPort> portsOf(NetworkId id) {
        return ports.list(Optional.of(id.value())).stream().map(PortView::toVimPort).toList();
    }

    private <T> T asVimFailure(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (EmbeddedVimException e) {
            throw new VimException(region, e.getMessage(), e);
        }
    }

    private static VimNetwork toVimNetwork(NetworkView n) {
        return new VimNetwork(NetworkId.of(n.id()), n.name(), n.project(), n.shared(), n.subnetIds());
    }

    private static VimSubnet toVimSubnet(SubnetView s) {
        return new VimSubnet(s.id(), NetworkId.of(s.networkId()), s.cidr(), s.gatewayIp(), s.allocationPools());
    }
}
