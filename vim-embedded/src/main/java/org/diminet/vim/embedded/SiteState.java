package org.diminet.vim.embedded;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The networks, subnets and ports of a simulated site. Not thread-safe: only {@link SiteStore} hands it
 * out, under its lock.
 *
 * <p>It keeps what ties resources together, so the groups need not: a network lists exactly its subnets,
 * in creation order; subnets and ports go away with their network; and the addresses used on a subnet are
 * exactly those its ports hold. It checks no request: that is done before anything is changed here.
 */
final class SiteState {

    /**
     * Neutron's AUTO_DELETE_PORT_OWNERS: ports of these owners belong to the VIM and go away with their network
     * or subnet. Every other port, a router's included, keeps its network and subnet in use.
     */
    private static final java.util.Set<String> VIM_OWNERS = java.util.Set.of("network:dhcp", "network:distributed",
            "network:floatingip_agent_gateway");

    private final IndexedResources<NetworkView> networks = new IndexedResources<>(NetworkView::name);
    private final IndexedResources<SubnetView> subnets = new IndexedResources<>(s -> CidrKeys.of(s.cidr().block()));
    private final Map<String, PortView> ports = new LinkedHashMap<>();
    private final RouterTables l3 = new RouterTables();
    /** Addresses held by ports, per subnet, sorted so the next free one is found without scanning pools. */
    private final Map<String, NavigableSet<IPAddress>> usedBySubnet = new HashMap<>();
    /** While a change is tracked: what it touched, with the value before (empty: it did not exist). */
    private Touched before;

    /** The resources one change touched, each with its value before the change (empty: it did not exist). */
    private record Touched(Map<String, Optional<NetworkView>> networks, Map<String, Optional<SubnetView>> subnets,
                           Map<String, Optional<PortView>> ports) {
        Touched() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }

    /**
     * What a change did, resource by resource: the value after it, or empty for a resource it removed. This
     * is what a change log records, so writing a change costs what the change touched, not what the site holds.
     */
    record Change(Map<String, Optional<NetworkView>> networks, Map<String, Optional<SubnetView>> subnets,
                  Map<String, Optional<PortView>> ports, RouterTables.Change l3) {
        boolean isEmpty() {
            return networks.isEmpty() && subnets.isEmpty() && ports.isEmpty() && l3.isEmpty();
        }
    }

    /** Everything the site holds, in creation order: what a snapshot saves, or a failed change goes back to. */
    record Contents(List<NetworkView> networks, List<SubnetView> subnets, List<PortView> ports,
                    RouterTables.Contents l3) {
    }

    Contents contents() {
        return new Contents(List.copyOf(networks.values()), List.copyOf(subnets.values()), List.copyOf(ports.values()),
                l3.contents());
    }

    /** Replaces everything with {@code contents}, working out again which addresses are used. */
    void restore(Contents contents) {
        networks.clear();
        subnets.clear();
        ports.clear();
        usedBySubnet.clear();
        contents.networks().forEach(n -> networks.put(n.id(), n));
        for (SubnetView s : contents.subnets()) {
            subnets.put(s.id(), s);
            usedBySubnet.put(s.id(), new TreeSet<>());
        }
        contents.ports().forEach(this::addPort);
        l3.restore(contents.l3());
    }

    /** Starts recording what is touched, until {@link #endChange()} or {@link #undoChange()}. */
    void beginChange() {
        before = new Touched();
        l3.beginChange();
    }

    /** What the change recorded so far did: each touched resource as it is now. */
    Change changed() {
        return new Change(now(before.networks().keySet(), networks), now(before.subnets().keySet(), subnets),
                now(before.ports().keySet(), ports), l3.changed());
    }

    /** Stops recording, keeping the change. */
    void endChange() {
        before = null;
        l3.endChange();
    }

    /**
     * Puts back every touched resource as it was and stops recording. The addresses in use are worked out
     * again from all ports: undoing is the rare path (a change log that cannot be written).
     */
    void undoChange() {
        Touched touched = before;
        before = null;
        if (touched.networks().isEmpty() && touched.subnets().isEmpty() && touched.ports().isEmpty()) {
            return; // refused before anything changed: the usual case, kept O(1)
        }
        putBack(touched.networks(), networks);
        putBack(touched.subnets(), subnets);
        putBack(touched.ports(), ports);
        l3.undoChange();
        usedBySubnet.clear();
        subnets.keySet().forEach(id -> usedBySubnet.put(id, new TreeSet<>()));
        ports.values().forEach(p -> p.fixedIps().forEach(ip -> usedBySubnet.get(ip.subnetId()).add(address(ip.ipAddress()))));
    }

    /** Applies a change read back from a change log: puts and removals, without checks. */
    void apply(Change change) {
        change.networks().forEach((id, value) -> value.ifPresentOrElse(v -> networks.put(id, v), () -> networks.remove(id)));
        change.subnets().forEach((id, value) -> value.ifPresentOrElse(v -> {
            subnets.put(id, v);
            usedBySubnet.putIfAbsent(id, new TreeSet<>());
        }, () -> {
            subnets.remove(id);
            usedBySubnet.remove(id);
        }));
        change.ports().forEach((id, value) -> {
            if (ports.containsKey(id)) {
                removePort(id);
            }
            value.ifPresent(this::addPort);
        });
        l3.apply(change.l3());
    }

    private static <V> Map<String, Optional<V>> now(java.util.Set<String> ids, Map<String, V> resources) {
        Map<String, Optional<V>> after = new LinkedHashMap<>();
        ids.forEach(id -> after.put(id, Optional.ofNullable(resources.get(id))));
        return after;
    }

    private static <V> void putBack(Map<String, Optional<V>> touched, Map<String, V> resources) {
        touched.forEach((id, value) -> value.ifPresentOrElse(v -> resources.put(id, v), () -> resources.remove(id)));
    }

    private void touchNetwork(String id) {
        if (before != null) {
            before.networks().putIfAbsent(id, Optional.ofNullable(networks.get(id)));
        }
    }

    private void touchSubnet(String id) {
        if (before != null) {
            before.subnets().putIfAbsent(id, Optional.ofNullable(subnets.get(id)));
        }
    }

    private void touchPort(String id) {
        if (before != null) {
            before.ports().putIfAbsent(id, Optional.ofNullable(ports.get(id)));
        }
    }

    // --- reading -----------------------------------------------------------------------------------

    Collection<NetworkView> networks() {
        return Collections.unmodifiableCollection(networks.values());
    }

    Collection<SubnetView> subnets() {
        return Collections.unmodifiableCollection(subnets.values());
    }

    Collection<PortView> ports() {
        return Collections.unmodifiableCollection(ports.values());
    }

    /** The networks named exactly {@code name}, from the name index. */
    List<NetworkView> networksNamed(String name) {
        return networks.withKey(name);
    }

    /**
     * The subnets whose CIDR overlaps {@code block}, from the CIDR index: two prefix blocks overlap when
     * one holds the other, so these are the subnets that start inside the block and the (at most one per
     * prefix length) blocks that hold it.
     */
    List<SubnetView> subnetsOverlapping(IPAddress block) {
        java.util.LinkedHashSet<SubnetView> found = new java.util.LinkedHashSet<>();
        for (int length = 0; length < block.getNetworkPrefixLength(); length++) {
            found.addAll(subnets.withKey(CidrKeys.of(block.toPrefixBlock(length))));
        }
        found.addAll(subnets.withKeyBetween(CidrKeys.lowest(block), CidrKeys.highest(block)));
        return List.copyOf(found);
    }

    Optional<NetworkView> findNetwork(String id) {
        return Optional.ofNullable(networks.get(id));
    }

    Optional<SubnetView> findSubnet(String id) {
        return Optional.ofNullable(subnets.get(id));
    }

    /** @throws EmbeddedVimException 404 {@code NetworkNotFound} */
    NetworkView requireNetwork(String id) {
        return require(networks, id, "NetworkNotFound", "Network");
    }

    /** @throws EmbeddedVimException 404 {@code SubnetNotFound} */
    SubnetView requireSubnet(String id) {
        return require(subnets, id, "SubnetNotFound", "Subnet");
    }

    /** @throws EmbeddedVimException 404 {@code PortNotFound} */
    PortView requirePort(String id) {
        return require(ports, id, "PortNotFound", "Port");
    }

    private static <V> V require(Map<String, V> resources, String id, String errorType, String kind) {
        V resource = id == null ? null : resources.get(id);
        if (resource == null) {
            throw EmbeddedVimException.notFound(errorType, kind + " " + id + " could not be found.");
        }
        return resource;
    }

    /** The network's subnets, in creation order. */
    List<SubnetView> subnetsOf(NetworkView network) {
        return network.subnetIds().stream().map(subnets::get).toList();
    }

    /** The addresses ports hold on the subnet, lowest first. */
    NavigableSet<IPAddress> usedAddresses(String subnetId) {
        return Collections.unmodifiableNavigableSet(usedBySubnet.get(subnetId));
    }

    /** Whether any port of the site has the MAC: new random ones are unique site-wide. */
    boolean isMacInUse(String mac) {
        return ports.values().stream().anyMatch(p -> p.macAddress().equals(mac));
    }

    /** Whether another port on the network has the MAC: Neutron refuses it there, but not on another network. */
    boolean isMacInUseOn(String networkId, String mac, String exceptPortId) {
        return ports.values().stream().anyMatch(p -> p.networkId().equals(networkId) && p.macAddress().equalsIgnoreCase(mac)
                && !p.id().equals(exceptPortId));
    }

    /** The ports on the network, in creation order. */
    List<PortView> portsOn(String networkId) {
        return ports.values().stream().filter(p -> p.networkId().equals(networkId)).toList();
    }

    /** Whether a port the VIM does not own is on the network: Neutron then refuses to delete it. */
    boolean hasUserPortOn(String networkId) {
        return ports.values().stream().anyMatch(p -> p.networkId().equals(networkId) && isUserPort(p));
    }

    /**
     * Whether a port the VIM does not own has an address on the subnet: Neutron then refuses to delete it,
     * unless the subnet is SLAAC's, whose addresses the ports made themselves and simply lose.
     */
    boolean hasUserAddressOn(String subnetId) {
        if (subnets.get(subnetId).isAutoAddress()) {
            return false;
        }
        return ports.values().stream().anyMatch(p -> isUserPort(p) && holdsAddressOn(p, subnetId));
    }

    /**
     * Whether a project other than the network's owns a subnet or port on it: Neutron then refuses to
     * stop sharing it. Ports of {@code network:} owners (a router's, whose gateway port has no project) do not
     * count, as in Neutron.
     */
    boolean isUsedByAnotherProject(NetworkView network) {
        return subnetsOf(network).stream().anyMatch(s -> !s.project().equals(network.project()))
                || ports.values().stream().anyMatch(p -> p.networkId().equals(network.id())
                        && !p.deviceOwner().startsWith("network:") && !p.project().equals(network.project()));
    }

    private static boolean isUserPort(PortView port) {
        return !VIM_OWNERS.contains(port.deviceOwner());
    }

    /** The routers and external networks. */
    RouterTables l3() {
        return l3;
    }

    private static boolean holdsAddressOn(PortView port, String subnetId) {
        return port.fixedIps().stream().anyMatch(ip -> ip.subnetId().equals(subnetId));
    }

    // --- changing: add* and replace* return what they stored, which is what the caller answers with -

    /** Adds a new network, without subnets. */
    NetworkView addNetwork(NetworkView network) {
        touchNetwork(network.id());
        networks.put(network.id(), network);
        return network;
    }

    /** Replaces a network with a copy that lists the same subnets. */
    NetworkView replaceNetwork(NetworkView network) {
        touchNetwork(network.id());
        networks.put(network.id(), network);
        return network;
    }

    /** Adds a subnet to its network, which counts as changed when the subnet was created. */
    SubnetView addSubnet(SubnetView subnet) {
        touchSubnet(subnet.id());
        subnets.put(subnet.id(), subnet);
        usedBySubnet.put(subnet.id(), new TreeSet<>());
        NetworkView network = networks.get(subnet.networkId());
        touchNetwork(network.id());
        List<String> subnetIds = new ArrayList<>(network.subnetIds());
        subnetIds.add(subnet.id());
        networks.put(network.id(), withSubnets(network, subnetIds));
        return subnet;
    }

    /** Replaces a subnet with a copy on the same network; ports keep their addresses. */
    SubnetView replaceSubnet(SubnetView subnet) {
        touchSubnet(subnet.id());
        subnets.put(subnet.id(), subnet);
        return subnet;
    }

    /** Removes a subnet; ports that had an address on it lose that address. */
    void removeSubnet(String id) {
        List<PortView> holders = ports.values().stream().filter(p -> holdsAddressOn(p, id)).toList();
        for (PortView p : holders) {
            touchPort(p.id());
            ports.put(p.id(), p.withFixedIps(p.fixedIps().stream().filter(ip -> !ip.subnetId().equals(id)).toList()));
        }
        touchSubnet(id);
        SubnetView subnet = subnets.remove(id);
        usedBySubnet.remove(id);
        NetworkView network = networks.get(subnet.networkId());
        touchNetwork(network.id());
        networks.put(network.id(), withSubnets(network, network.subnetIds().stream().filter(s -> !s.equals(id)).toList()));
    }

    private static NetworkView withSubnets(NetworkView n, List<String> subnetIds) {
        return n.changed(n.name(), n.shared(), subnetIds, n.adminStateUp(), n.description());
    }

    /** Removes a network with its subnets and every port on it, without any check. */
    void removeNetwork(String id) {
        ports.values().stream().filter(p -> p.networkId().equals(id)).map(PortView::id).toList().forEach(this::touchPort);
        ports.values().removeIf(p -> p.networkId().equals(id));
        touchNetwork(id);
        l3.setExternal(id, false);
        NetworkView network = networks.remove(id);
        for (String subnetId : network.subnetIds()) {
            touchSubnet(subnetId);
            subnets.remove(subnetId);
            usedBySubnet.remove(subnetId);
        }
    }

    /** Adds a new port; its addresses count as used from now on. */
    PortView addPort(PortView port) {
        touchPort(port.id());
        ports.put(port.id(), port);
        port.fixedIps().forEach(ip -> usedBySubnet.get(ip.subnetId()).add(address(ip.ipAddress())));
        return port;
    }

    /** Replaces a port with a copy, which may hold other addresses than before. */
    PortView replacePort(PortView port) {
        removePort(port.id());
        return addPort(port);
    }

    /** Removes a port and frees its addresses. */
    void removePort(String id) {
        touchPort(id);
        PortView port = ports.remove(id);
        port.fixedIps().forEach(ip -> usedBySubnet.get(ip.subnetId()).remove(address(ip.ipAddress())));
    }

    /** Parses an address already known to be valid: one a port holds. */
    private static IPAddress address(String text) {
        return new IPAddressString(text).getAddress().withoutPrefixLength();
    }
}
