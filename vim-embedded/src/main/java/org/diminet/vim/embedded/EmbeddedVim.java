package org.diminet.vim.embedded;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.error.InvalidRequestException;
import org.diminet.core.error.VimException;
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
 * not overlap (different networks may); a new port gets the lowest free address of the first subnet
 * (in creation order) that still has one; an explicit fixed IP only needs to be inside the CIDR;
 * changing pools never touches existing ports; a network with user ports, or a subnet with user
 * addresses, cannot be deleted. Ports whose device owner starts with {@code network:} belong to the
 * VIM and go away with their network.
 *
 * <p>Every operation holds one lock: this is a simulator, correctness beats throughput.
 */
public final class EmbeddedVim implements Vim {

    private static final String VIM_OWNER_PREFIX = "network:";

    private final Region region;
    private final Optional<Path> snapshotFile;
    private final ReentrantLock lock = new ReentrantLock();
    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, NetworkView> networkMap = new LinkedHashMap<>();
    private final Map<String, SubnetView> subnetMap = new LinkedHashMap<>();
    private final Map<String, PortView> portMap = new LinkedHashMap<>();
    /** Addresses held by ports, per subnet, sorted so the next free one is found without scanning pools. */
    private final Map<String, NavigableSet<IPAddress>> usedBySubnet = new HashMap<>();

    private final Networks networks = new Networks();
    private final Subnets subnets = new Subnets();
    private final Ports ports = new Ports();

    /**
     * A simulated site.
     *
     * @param region       the region this site is, named in {@link VimException}s
     * @param snapshotFile where to keep the state; loaded now if it exists, rewritten after every change.
     *                     Empty keeps the state in memory only.
     * @throws VimException when the snapshot file exists but cannot be read
     */
    public EmbeddedVim(Region region, Optional<Path> snapshotFile) {
        this.region = Objects.requireNonNull(region, "region");
        this.snapshotFile = Objects.requireNonNull(snapshotFile, "snapshotFile").map(Path::toAbsolutePath);
        this.snapshotFile.filter(Files::exists).ifPresent(this::load);
    }

    /** An in-memory site. */
    public EmbeddedVim(Region region) {
        this(region, Optional.empty());
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

    /**
     * Turns an allocation pool as a client wrote it into an {@link IpRange}, reporting malformed input
     * as Neutron's 400 instead of the core's {@link InvalidRequestException}.
     */
    public static IpRange allocationPool(String start, String end) {
        if (isBlank(start) || isBlank(end)) {
            throw EmbeddedVimException.badRequest("InvalidAllocationPool",
                    "The allocation pool " + start + "-" + end + " is not valid.");
        }
        try {
            return new IpRange(start, end);
        } catch (InvalidRequestException e) {
            throw EmbeddedVimException.badRequest("InvalidAllocationPool",
                    "The allocation pool " + start + "-" + end + " is not valid.");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The core's Vim port

    @Override
    public Optional<VimNetwork> findNetwork(NetworkId id) {
        return read(() -> Optional.ofNullable(networkMap.get(id.value())).map(EmbeddedVim::toVimNetwork));
    }

    @Override
    public List<VimSubnet> subnetsOf(NetworkId id) {
        return read(() -> {
            NetworkView network = networkMap.get(id.value());
            return network == null ? List.of() : network.subnetIds().stream()
                    .map(subnetMap::get).map(EmbeddedVim::toVimSubnet).toList();
        });
    }

    @Override
    public List<VimSubnet> allSubnets() {
        return read(() -> subnetMap.values().stream().map(EmbeddedVim::toVimSubnet).toList());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The subnet is named like the network. A null {@link SubnetSpec#gatewayIp()} means no gateway,
     * as in {@link VimSubnet}; an empty pool list means every usable address.
     */
    @Override
    public VimNetwork createNetworkWithSubnet(String name, SubnetSpec subnet) {
        GatewayChoice gateway = subnet.gatewayIp() == null ? GatewayChoice.none() : GatewayChoice.of(subnet.gatewayIp());
        return asVimFailure(() -> write(() -> {
            NetworkView network = doCreateNetwork(name);
            try {
                doCreateSubnet(network.id(), name, subnet.cidr().value(), gateway, subnet.allocationPools());
            } catch (RuntimeException e) {
                removeNetwork(network.id());
                throw e;
            }
            return toVimNetwork(networkMap.get(network.id()));
        }));
    }

    /** {@inheritDoc} An empty list leaves the subnet without pools. */
    @Override
    public VimSubnet updateAllocationPools(String subnetId, List<IpRange> pools) {
        return asVimFailure(() -> write(() ->
                toVimSubnet(doUpdateSubnet(subnetId, Optional.empty(), Optional.of(pools)))));
    }

    /** {@inheritDoc} Refused (as a {@link VimException}) while users' ports are on the network. */
    @Override
    public void deleteNetwork(NetworkId id) {
        asVimFailure(() -> write(() -> {
            if (networkMap.containsKey(id.value())) {
                doDeleteNetwork(id.value());
            }
            return null;
        }));
    }

    @Override
    public List<VimPort> portsOf(NetworkId id) {
        return read(() -> portMap.values().stream()
                .filter(p -> p.networkId().equals(id.value()))
                .map(PortView::toVimPort).toList());
    }

    // ---------------------------------------------------------------------------------------------
    // The rich API

    /** Neutron's {@code /v2.0/networks}. Errors are {@link EmbeddedVimException}s. */
    public final class Networks {
        private Networks() {
        }

        /** Every network, in creation order. */
        public List<NetworkView> list() {
            return read(() -> List.copyOf(networkMap.values()));
        }

        /** @throws EmbeddedVimException 404 {@code NetworkNotFound} */
        public NetworkView get(String id) {
            return read(() -> requireNetwork(id));
        }

        public NetworkView create(String name) {
            return write(() -> doCreateNetwork(name));
        }

        /** Renames a network; an empty name changes nothing. */
        public NetworkView update(String id, Optional<String> name) {
            return write(() -> {
                NetworkView n = requireNetwork(id);
                NetworkView updated = new NetworkView(n.id(), name.orElse(n.name()), n.subnetIds(), n.adminStateUp(),
                        n.status(), n.createdAt(), now());
                networkMap.put(id, updated);
                return updated;
            });
        }

        /**
         * Deletes a network with its subnets and VIM-owned ports.
         *
         * @throws EmbeddedVimException 404 {@code NetworkNotFound}; 409 {@code NetworkInUse} while a
         *                              user's port is on it
         */
        public void delete(String id) {
            write(() -> {
                requireNetwork(id);
                doDeleteNetwork(id);
                return null;
            });
        }
    }

    /** Neutron's {@code /v2.0/subnets}. Errors are {@link EmbeddedVimException}s. */
    public final class Subnets {
        private Subnets() {
        }

        /** The subnets, in creation order, of one network when {@code networkId} is given. */
        public List<SubnetView> list(Optional<String> networkId) {
            return read(() -> subnetMap.values().stream()
                    .filter(s -> networkId.map(s.networkId()::equals).orElse(true))
                    .toList());
        }

        /** @throws EmbeddedVimException 404 {@code SubnetNotFound} */
        public SubnetView get(String id) {
            return read(() -> requireSubnet(id));
        }

        /**
         * Creates a subnet ({@code enable_dhcp} is always true, though no DHCP is served).
         *
         * @param cidr            the CIDR as the client wrote it; host bits must be zero
         * @param allocationPools empty for every usable address: the CIDR minus its first and last
         *                        address and minus the gateway
         * @throws EmbeddedVimException 404 {@code NetworkNotFound}; 400 {@code InvalidInput} (bad CIDR or
         *                              gateway, overlap with another subnet of the network),
         *                              {@code OutOfBoundsAllocationPool}, {@code OverlappingAllocationPools},
         *                              {@code InvalidAllocationPool}; 409 {@code GatewayConflictWithAllocationPools}
         */
        public SubnetView create(String networkId, String name, String cidr, GatewayChoice gateway,
                                 List<IpRange> allocationPools) {
            return write(() -> doCreateSubnet(networkId, name, cidr, gateway, allocationPools));
        }

        /**
         * Renames a subnet and/or replaces its pools (a present empty list leaves it without pools).
         * Ports keep their addresses even when these fall outside the new pools.
         */
        public SubnetView update(String id, Optional<String> name, Optional<List<IpRange>> allocationPools) {
            return write(() -> doUpdateSubnet(id, name, allocationPools));
        }

        /**
         * Deletes a subnet; VIM-owned ports lose their address on it.
         *
         * @throws EmbeddedVimException 404 {@code SubnetNotFound}; 409 {@code SubnetInUse} while a user's
         *                              port has an address on it
         */
        public void delete(String id) {
            write(() -> {
                doDeleteSubnet(id);
                return null;
            });
        }
    }

    /** Neutron's {@code /v2.0/ports}. Errors are {@link EmbeddedVimException}s. */
    public final class Ports {
        private Ports() {
        }

        /** The ports, in creation order, of one network when {@code networkId} is given. */
        public List<PortView> list(Optional<String> networkId) {
            return read(() -> portMap.values().stream()
                    .filter(p -> networkId.map(p.networkId()::equals).orElse(true))
                    .toList());
        }

        /** @throws EmbeddedVimException 404 {@code PortNotFound} */
        public PortView get(String id) {
            return read(() -> requirePort(id));
        }

        /**
         * Creates a port. Without {@code fixedIp} it gets the lowest free pool address of the network's
         * first subnet that has one, or no address when the network has no subnet.
         *
         * @param deviceOwner e.g. {@code compute:nova} for a VM; {@code network:…} marks a VIM-owned port
         * @throws EmbeddedVimException 404 {@code NetworkNotFound}; 400 {@code InvalidIpForSubnet},
         *                              {@code InvalidIpForNetwork}, {@code InvalidInput}; 409
         *                              {@code IpAddressAlreadyAllocated}, {@code IpAddressGenerationFailure}
         */
        public PortView create(String networkId, String name, String deviceOwner, String deviceId,
                               Optional<FixedIpRequest> fixedIp) {
            return write(() -> doCreatePort(networkId, name, deviceOwner, deviceId, fixedIp));
        }

        /** Renames a port; an empty name changes nothing. */
        public PortView update(String id, Optional<String> name) {
            return write(() -> {
                PortView p = requirePort(id);
                PortView updated = new PortView(p.id(), name.orElse(p.name()), p.networkId(), p.deviceOwner(),
                        p.deviceId(), p.macAddress(), p.fixedIps(), p.adminStateUp(), p.status(), p.createdAt(), now());
                portMap.put(id, updated);
                return updated;
            });
        }

        /**
         * Deletes a port and frees its addresses.
         *
         * @throws EmbeddedVimException 404 {@code PortNotFound}
         */
        public void delete(String id) {
            write(() -> {
                PortView port = requirePort(id);
                portMap.remove(id);
                port.fixedIps().forEach(ip -> usedBySubnet.get(ip.subnetId()).remove(address(ip.ipAddress())));
                return null;
            });
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Operations; callers hold the lock

    private NetworkView doCreateNetwork(String name) {
        Instant now = now();
        NetworkView network = new NetworkView(newId(), nameOrEmpty(name), List.of(), true, "ACTIVE", now, now);
        networkMap.put(network.id(), network);
        return network;
    }

    private void doDeleteNetwork(String id) {
        boolean inUse = portMap.values().stream().anyMatch(p -> p.networkId().equals(id) && isUserPort(p));
        if (inUse) {
            throw EmbeddedVimException.conflict("NetworkInUse", "Unable to complete operation on network " + id
                    + ". There are one or more ports still in use on the network.");
        }
        removeNetwork(id);
    }

    /** Removes a network and everything on it, without any check. */
    private void removeNetwork(String id) {
        portMap.values().removeIf(p -> p.networkId().equals(id));
        NetworkView network = networkMap.remove(id);
        for (String subnetId : network.subnetIds()) {
            subnetMap.remove(subnetId);
            usedBySubnet.remove(subnetId);
        }
    }

    private SubnetView doCreateSubnet(String networkId, String name, String cidrText, GatewayChoice gateway,
                                      List<IpRange> requestedPools) {
        NetworkView network = requireNetwork(networkId);
        Cidr cidr = parseCidr(cidrText);
        String gatewayIp = switch (Objects.requireNonNull(gateway, "gateway")) {
            case GatewayChoice.Default d -> hasHosts(cidr) ? cidr.defaultGateway() : null;
            case GatewayChoice.None n -> null;
            case GatewayChoice.Address a -> validGateway(cidr, a.ip());
        };
        List<IpRange> pools = requestedPools.isEmpty() ? defaultPools(cidr, gatewayIp) : validPools(cidr, gatewayIp, requestedPools);
        for (String otherId : network.subnetIds()) {
            if (subnetMap.get(otherId).cidr().overlaps(cidr)) {
                throw EmbeddedVimException.invalidInput("Requested subnet with cidr: " + cidr + " for network: "
                        + networkId + " overlaps with another subnet.");
            }
        }
        Instant now = now();
        SubnetView subnet = new SubnetView(newId(), nameOrEmpty(name), networkId, cidr.ipVersion(), cidr, gatewayIp,
                pools, true, now, now);
        subnetMap.put(subnet.id(), subnet);
        usedBySubnet.put(subnet.id(), new TreeSet<>());
        List<String> subnetIds = new ArrayList<>(network.subnetIds());
        subnetIds.add(subnet.id());
        networkMap.put(networkId, new NetworkView(network.id(), network.name(), subnetIds, network.adminStateUp(),
                network.status(), network.createdAt(), now));
        return subnet;
    }

    private SubnetView doUpdateSubnet(String id, Optional<String> name, Optional<List<IpRange>> pools) {
        SubnetView s = requireSubnet(id);
        List<IpRange> newPools = pools.map(p -> validPools(s.cidr(), s.gatewayIp(), p)).orElse(s.allocationPools());
        SubnetView updated = new SubnetView(s.id(), name.orElse(s.name()), s.networkId(), s.ipVersion(), s.cidr(),
                s.gatewayIp(), newPools, s.enableDhcp(), s.createdAt(), now());
        subnetMap.put(id, updated);
        return updated;
    }

    private void doDeleteSubnet(String id) {
        SubnetView subnet = requireSubnet(id);
        boolean inUse = portMap.values().stream()
                .anyMatch(p -> isUserPort(p) && p.fixedIps().stream().anyMatch(ip -> ip.subnetId().equals(id)));
        if (inUse) {
            throw EmbeddedVimException.conflict("SubnetInUse", "Unable to complete operation on subnet " + id
                    + ": One or more ports have an IP allocation from this subnet.");
        }
        portMap.replaceAll((portId, p) -> p.fixedIps().stream().noneMatch(ip -> ip.subnetId().equals(id)) ? p
                : new PortView(p.id(), p.name(), p.networkId(), p.deviceOwner(), p.deviceId(), p.macAddress(),
                        p.fixedIps().stream().filter(ip -> !ip.subnetId().equals(id)).toList(),
                        p.adminStateUp(), p.status(), p.createdAt(), now()));
        subnetMap.remove(id);
        usedBySubnet.remove(id);
        NetworkView n = networkMap.get(subnet.networkId());
        networkMap.put(n.id(), new NetworkView(n.id(), n.name(),
                n.subnetIds().stream().filter(s -> !s.equals(id)).toList(), n.adminStateUp(), n.status(),
                n.createdAt(), now()));
    }

    private PortView doCreatePort(String networkId, String name, String deviceOwner, String deviceId,
                                  Optional<FixedIpRequest> request) {
        NetworkView network = requireNetwork(networkId);
        List<FixedIp> fixedIps = request.isPresent()
                ? List.of(requestedIp(network, request.get()))
                : automaticIp(network).map(List::of).orElse(List.of());
        fixedIps.forEach(ip -> usedBySubnet.get(ip.subnetId()).add(address(ip.ipAddress())));
        Instant now = now();
        PortView port = new PortView(newId(), nameOrEmpty(name), networkId, nameOrEmpty(deviceOwner),
                nameOrEmpty(deviceId), newMac(), fixedIps, true, "DOWN", now, now);
        portMap.put(port.id(), port);
        return port;
    }

    /** The lowest free pool address of the first subnet that has one; empty when the network has no subnet. */
    private Optional<FixedIp> automaticIp(NetworkView network) {
        if (network.subnetIds().isEmpty()) {
            return Optional.empty();
        }
        for (String subnetId : network.subnetIds()) {
            Optional<IPAddress> free = lowestFree(subnetMap.get(subnetId));
            if (free.isPresent()) {
                return Optional.of(new FixedIp(subnetId, free.get().toCanonicalString()));
            }
        }
        throw noMoreAddresses(network.id());
    }

    private FixedIp requestedIp(NetworkView network, FixedIpRequest request) {
        SubnetView subnet = null;
        if (request.subnetId() != null) {
            subnet = subnetMap.get(request.subnetId());
            if (subnet == null || !subnet.networkId().equals(network.id())) {
                throw EmbeddedVimException.invalidInput("Failed to create port on network " + network.id()
                        + ", because fixed_ips included invalid subnet " + request.subnetId() + ".");
            }
        }
        if (request.ipAddress() == null) {
            IPAddress free = lowestFree(subnet).orElseThrow(() -> noMoreAddresses(network.id()));
            return new FixedIp(subnet.id(), free.toCanonicalString());
        }
        IPAddress ip = parseAddress(request.ipAddress());
        if (subnet != null) {
            if (!isHostAddress(subnet.cidr(), ip)) {
                throw EmbeddedVimException.badRequest("InvalidIpForSubnet",
                        "IP address " + request.ipAddress() + " is not a valid IP for the specified subnet.");
            }
        } else {
            subnet = network.subnetIds().stream().map(subnetMap::get)
                    .filter(s -> isHostAddress(s.cidr(), ip))
                    .findFirst()
                    .orElseThrow(() -> EmbeddedVimException.badRequest("InvalidIpForNetwork", "IP address "
                            + request.ipAddress() + " is not a valid IP for any of the subnets on the specified network."));
        }
        if (usedBySubnet.get(subnet.id()).contains(ip)) {
            throw EmbeddedVimException.conflict("IpAddressAlreadyAllocated",
                    "IP address " + ip.toCanonicalString() + " already allocated in subnet " + subnet.id());
        }
        return new FixedIp(subnet.id(), ip.toCanonicalString());
    }

    /**
     * Walks the pools from their start, skipping the used addresses in order: the cost is the number of
     * used addresses, never the size of a pool (an IPv6 pool may hold 2^60 addresses).
     */
    private Optional<IPAddress> lowestFree(SubnetView subnet) {
        NavigableSet<IPAddress> used = usedBySubnet.get(subnet.id());
        for (IpRange pool : subnet.allocationPools()) {
            IPAddressSeqRange range = pool.toSeqRange();
            IPAddress upper = range.getUpper().withoutPrefixLength();
            IPAddress candidate = range.getLower().withoutPrefixLength();
            for (IPAddress taken : used.tailSet(candidate, true)) {
                if (taken.compareTo(candidate) != 0) {
                    break;
                }
                if (candidate.compareTo(upper) >= 0) {
                    candidate = null;
                    break;
                }
                candidate = candidate.increment(1);
            }
            if (candidate != null) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static EmbeddedVimException noMoreAddresses(String networkId) {
        return EmbeddedVimException.conflict("IpAddressGenerationFailure",
                "No more IP addresses available on network " + networkId + ".");
    }

    // ---------------------------------------------------------------------------------------------
    // Validation

    private static Cidr parseCidr(String text) {
        IPAddress parsed = isBlank(text) ? null : new IPAddressString(text.trim()).getAddress();
        if (parsed == null || !parsed.isPrefixed()) {
            throw EmbeddedVimException.invalidInput("'" + text + "' is not a valid IP subnet.");
        }
        if (!parsed.isPrefixBlock()) {
            throw EmbeddedVimException.invalidInput("'" + text + "' isn't a recognized IP subnet cidr, '"
                    + parsed.toPrefixBlock().toCanonicalString() + "' is recommended.");
        }
        try {
            return Cidr.of(text);
        } catch (InvalidRequestException e) {
            throw EmbeddedVimException.invalidInput("'" + text + "' is not a valid IP subnet.");
        }
    }

    private static String validGateway(Cidr cidr, String text) {
        IPAddress gateway = parseAddress(text);
        if (gateway.getIPVersion() != cidr.block().getIPVersion()) {
            throw EmbeddedVimException.invalidInput("Gateway IP version inconsistent with subnet IP version.");
        }
        IPAddressSeqRange all = cidr.block().toSequentialRange();
        // As in Neutron, a gateway outside the CIDR is allowed, but not the CIDR's network or broadcast address.
        if (all.contains(gateway) && !isHostAddress(cidr, gateway)) {
            throw EmbeddedVimException.invalidInput("Gateway is not valid on subnet.");
        }
        return gateway.toCanonicalString();
    }

    /** Inside the CIDR, and neither its first address nor (IPv4) its broadcast address, as Neutron checks. */
    private static boolean isHostAddress(Cidr cidr, IPAddress ip) {
        IPAddressSeqRange all = cidr.block().toSequentialRange();
        if (ip.getIPVersion() != cidr.block().getIPVersion() || !all.contains(ip)) {
            return false;
        }
        if (!hasHosts(cidr)) {
            return true;
        }
        return ip.compareTo(all.getLower()) != 0 && !(ip.isIPv4() && ip.compareTo(all.getUpper()) == 0);
    }

    private static boolean hasHosts(Cidr cidr) {
        return cidr.size().compareTo(BigInteger.valueOf(3)) >= 0;
    }

    /** The CIDR minus its first address, its last address and the gateway. */
    private static List<IpRange> defaultPools(Cidr cidr, String gatewayIp) {
        if (!hasHosts(cidr)) {
            return List.of();
        }
        IPAddressSeqRange usable = usable(cidr);
        IPAddressSeqRange[] parts = gatewayIp == null
                ? new IPAddressSeqRange[] {usable}
                : usable.subtract(address(gatewayIp).toSequentialRange());
        return List.of(parts).stream().map(IpRange::of).toList();
    }

    private static IPAddressSeqRange usable(Cidr cidr) {
        IPAddressSeqRange all = cidr.block().toSequentialRange();
        return all.getLower().increment(1).spanWithRange(all.getUpper().increment(-1));
    }

    /** Neutron's pool checks, in Neutron's order; returns the pools sorted by start. */
    private static List<IpRange> validPools(Cidr cidr, String gatewayIp, List<IpRange> pools) {
        IPAddressSeqRange usable = hasHosts(cidr) ? usable(cidr) : null;
        for (IpRange pool : pools) {
            IPAddressSeqRange range = pool.toSeqRange();
            if (range.getLower().getIPVersion() != cidr.block().getIPVersion()) {
                throw EmbeddedVimException.badRequest("InvalidAllocationPool",
                        "The allocation pool " + pool + " is not valid.");
            }
            if (usable == null || !usable.contains(range)) {
                throw EmbeddedVimException.badRequest("OutOfBoundsAllocationPool",
                        "The allocation pool " + pool + " spans beyond the subnet cidr " + cidr + ".");
            }
        }
        List<IpRange> sorted = pools.stream()
                .sorted(Comparator.comparing((IpRange p) -> p.toSeqRange().getLower(), IPAddress::compareTo))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw EmbeddedVimException.badRequest("OverlappingAllocationPools", "Found overlapping allocation pools: "
                        + sorted.get(i - 1) + " " + sorted.get(i) + " for subnet " + cidr + ".");
            }
        }
        if (gatewayIp != null) {
            for (IpRange pool : sorted) {
                if (pool.contains(gatewayIp)) {
                    throw EmbeddedVimException.conflict("GatewayConflictWithAllocationPools",
                            "Gateway ip " + gatewayIp + " conflicts with allocation pool " + pool);
                }
            }
        }
        return sorted;
    }

    private static IPAddress parseAddress(String text) {
        IPAddress ip = isBlank(text) ? null : new IPAddressString(text.trim()).getAddress();
        if (ip == null || ip.isMultiple()) {
            throw EmbeddedVimException.invalidInput("'" + text + "' is not a valid IP address.");
        }
        return ip.withoutPrefixLength();
    }

    // ---------------------------------------------------------------------------------------------
    // Lookups and conversions

    private NetworkView requireNetwork(String id) {
        NetworkView network = id == null ? null : networkMap.get(id);
        if (network == null) {
            throw EmbeddedVimException.notFound("NetworkNotFound", "Network " + id + " could not be found.");
        }
        return network;
    }

    private SubnetView requireSubnet(String id) {
        SubnetView subnet = id == null ? null : subnetMap.get(id);
        if (subnet == null) {
            throw EmbeddedVimException.notFound("SubnetNotFound", "Subnet " + id + " could not be found.");
        }
        return subnet;
    }

    private PortView requirePort(String id) {
        PortView port = id == null ? null : portMap.get(id);
        if (port == null) {
            throw EmbeddedVimException.notFound("PortNotFound", "Port " + id + " could not be found.");
        }
        return port;
    }

    private static boolean isUserPort(PortView port) {
        return !port.deviceOwner().startsWith(VIM_OWNER_PREFIX);
    }

    private static VimNetwork toVimNetwork(NetworkView n) {
        return new VimNetwork(NetworkId.of(n.id()), n.name(), n.subnetIds());
    }

    private static VimSubnet toVimSubnet(SubnetView s) {
        return new VimSubnet(s.id(), NetworkId.of(s.networkId()), s.cidr(), s.gatewayIp(), s.allocationPools());
    }

    private String newMac() {
        while (true) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String mac = String.format("fa:16:3e:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
            if (portMap.values().stream().noneMatch(p -> p.macAddress().equals(mac))) {
                return mac;
            }
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String nameOrEmpty(String text) {
        return text == null ? "" : text;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static IPAddress address(String text) {
        return new IPAddressString(text).getAddress().withoutPrefixLength();
    }

    // ---------------------------------------------------------------------------------------------
    // Locking and persistence

    private <T> T read(Supplier<T> operation) {
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a mutation and writes the snapshot. Operations validate before they change anything, so a
     * refused one leaves the state as it was; if the snapshot cannot be written the state is rolled back
     * so memory and file never disagree.
     */
    private <T> T write(Supplier<T> operation) {
        lock.lock();
        try {
            if (snapshotFile.isEmpty()) {
                return operation.get();
            }
            Snapshot before = snapshot();
            T result = operation.get();
            try {
                save(snapshotFile.get());
            } catch (IOException | RuntimeException e) {
                restore(before);
                throw new EmbeddedVimException(500, "InternalError",
                        "Could not write the state of the simulated site to " + snapshotFile.get() + ".", e.toString(), e);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    private <T> T asVimFailure(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (EmbeddedVimException e) {
            throw new VimException(region, e.getMessage(), e);
        }
    }

    private void save(Path file) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), snapshot());
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void load(Path file) {
        try {
            restore(json.readValue(file.toFile(), Snapshot.class));
        } catch (IOException | RuntimeException e) {
            throw new VimException(region, "cannot read the snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    private Snapshot snapshot() {
        return new Snapshot(region.name(),
                networkMap.values().stream().map(n -> new NetworkState(n.id(), n.name(), n.subnetIds(),
                        n.adminStateUp(), n.createdAt().toString(), n.updatedAt().toString())).toList(),
                subnetMap.values().stream().map(s -> new SubnetState(s.id(), s.name(), s.networkId(), s.cidr().value(),
                        s.gatewayIp(), s.allocationPools().stream().map(p -> new PoolState(p.start(), p.end())).toList(),
                        s.enableDhcp(), s.createdAt().toString(), s.updatedAt().toString())).toList(),
                portMap.values().stream().map(p -> new PortState(p.id(), p.name(), p.networkId(), p.deviceOwner(),
                        p.deviceId(), p.macAddress(),
                        p.fixedIps().stream().map(ip -> new FixedIpState(ip.subnetId(), ip.ipAddress())).toList(),
                        p.adminStateUp(), p.createdAt().toString(), p.updatedAt().toString())).toList());
    }

    private void restore(Snapshot snapshot) {
        networkMap.clear();
        subnetMap.clear();
        portMap.clear();
        usedBySubnet.clear();
        for (NetworkState n : snapshot.networks()) {
            networkMap.put(n.id(), new NetworkView(n.id(), n.name(), n.subnetIds(), n.adminStateUp(), "ACTIVE",
                    Instant.parse(n.createdAt()), Instant.parse(n.updatedAt())));
        }
        for (SubnetState s : snapshot.subnets()) {
            Cidr cidr = Cidr.of(s.cidr());
            subnetMap.put(s.id(), new SubnetView(s.id(), s.name(), s.networkId(), cidr.ipVersion(), cidr, s.gatewayIp(),
                    s.allocationPools().stream().map(p -> new IpRange(p.start(), p.end())).toList(), s.enableDhcp(),
                    Instant.parse(s.createdAt()), Instant.parse(s.updatedAt())));
            usedBySubnet.put(s.id(), new TreeSet<>());
        }
        for (PortState p : snapshot.ports()) {
            List<FixedIp> fixedIps = p.fixedIps().stream().map(ip -> new FixedIp(ip.subnetId(), ip.ipAddress())).toList();
            portMap.put(p.id(), new PortView(p.id(), p.name(), p.networkId(), p.deviceOwner(), p.deviceId(),
                    p.macAddress(), fixedIps, p.adminStateUp(), "DOWN",
                    Instant.parse(p.createdAt()), Instant.parse(p.updatedAt())));
            fixedIps.forEach(ip -> usedBySubnet.get(ip.subnetId()).add(address(ip.ipAddress())));
        }
    }

    // The snapshot format: plain strings, so it does not depend on how core types serialise.

    private record Snapshot(String region, List<NetworkState> networks, List<SubnetState> subnets, List<PortState> ports) {
    }

    private record NetworkState(String id, String name, List<String> subnetIds, boolean adminStateUp,
                                String createdAt, String updatedAt) {
    }

    private record SubnetState(String id, String name, String networkId, String cidr, String gatewayIp,
                               List<PoolState> allocationPools, boolean enableDhcp, String createdAt, String updatedAt) {
    }

    private record PoolState(String start, String end) {
    }

    private record PortState(String id, String name, String networkId, String deviceOwner, String deviceId,
                             String macAddress, List<FixedIpState> fixedIps, boolean adminStateUp,
                             String createdAt, String updatedAt) {
    }

    private record FixedIpState(String subnetId, String ipAddress) {
    }
}
