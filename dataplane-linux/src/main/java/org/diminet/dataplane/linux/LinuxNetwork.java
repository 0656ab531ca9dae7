package org.diminet.dataplane.linux;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux networking inside namespaces, driven through {@code ip} and {@code bridge}: the underlay WAN, a
 * bridge per network, VXLAN devices, and "machines" (namespaces standing in for VMs).
 *
 * <p>Every {@code ensure…} method makes the kernel's state match what it is given, creating only what is
 * missing and correcting what differs; every {@code delete…} method accepts that the thing is already
 * gone. The {@code list…} methods read what actually exists, so a reconciler can compare it with what it
 * wants. Names follow {@link Naming}; all namespaces must start with its prefix.
 *
 * <p>Topology, as the embedded mode uses it:
 * <pre>
 *   WAN namespace:   bridge p+"wan" ── p+"w"+hash(site) ┐ (veth, MTU 1600)
 *   site namespace:  p+"up" 10.255.0.N/24 ──────────────┘
 *                    bridge p+"b"+hash(network) ── p+"x"+VNI (vxlan, local 10.255.0.N, dstport 4789)
 *                                                └─ p+"m"+hash(machine) ┐ (veth, MTU 1500)
 *   machine namespace:  eth0 10.90.0.11/24, default via the gateway ──────┘
 *   router namespace (per L3 service and site, see the driver in {@code site}):
 *                    p+"up" (its own WAN leg, the VTEP address), p+"lan" (gateway addresses) ── p+"g"+hash(router)
 *                    in the network's bridge, bridge p+"l3" (router MAC) ── p+"x"+L3VNI
 * </pre>
 * Instances are thread-safe as far as the kernel is; concurrent changes to the same namespace should be
 * serialised by the caller.
 */
public final class LinuxNetwork {

    /** The underlay MTU: VXLAN adds 50 bytes to the machines' 1500. */
    public static final int UNDERLAY_MTU = 1600;
    /** The IANA VXLAN port every VXLAN device uses. */
    public static final int VXLAN_PORT = 4789;

    private static final Pattern PACKETS = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
    private static final Pattern RTT = Pattern.compile("= [\\d.]+/([\\d.]+)/[\\d.]+/[\\d.]+ ms");

    private final IpTool ip;
    private final Naming naming;
    private final Namespaces namespaces;

    public LinuxNetwork(CommandRunner runner, Naming naming) {
        this.ip = new IpTool(Objects.requireNonNull(runner, "runner"));
        this.naming = Objects.requireNonNull(naming, "naming");
        this.namespaces = new Namespaces(ip, naming);
    }

    /** Real commands, default prefix {@value Naming#DEFAULT_PREFIX}. */
    public static LinuxNetwork create() {
        return new LinuxNetwork(new ProcessRunner(), Naming.defaults());
    }

    public Naming naming() {
        return naming;
    }

    public Namespaces namespaces() {
        return namespaces;
    }

    public CommandRunner runner() {
        return ip.runner();
    }

    // ---------------------------------------------------------------- reading

    /** All interfaces of a namespace, ours or not. */
    public List<LinkInfo> listLinks(String namespace) {
        namespaces.requireOurs(namespace);
        List<LinkInfo> links = new ArrayList<>();
        for (JsonNode node : ip.ipJson(namespace, "-d", "addr", "show")) {
            links.add(linkInfo(node));
        }
        return links;
    }

    public Optional<LinkInfo> link(String namespace, String name) {
        return listLinks(namespace).stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** Our network bridges in a site namespace (their alias is the network id). */
    public List<LinkInfo> listBridges(String namespace) {
        String start = naming.prefix() + "b";
        return listLinks(namespace).stream()
                .filter(l -> l.kind().equals("bridge") && l.name().startsWith(start))
                .toList();
    }

    /** Our machine ports in a site namespace (their alias is the machine's namespace). */
    public List<LinkInfo> listMachinePorts(String siteNamespace) {
        String start = naming.prefix() + "m";
        return listLinks(siteNamespace).stream()
                .filter(l -> l.kind().equals("veth") && l.name().startsWith(start))
                .toList();
    }

    /** The sites' ports on the WAN bridge (their alias is the site's namespace). */
    public List<LinkInfo> listWanPorts(String wanNamespace) {
        String start = naming.prefix() + "w";
        return listLinks(wanNamespace).stream()
                .filter(l -> l.kind().equals("veth") && l.name().startsWith(start))
                .toList();
    }

    /** Our VXLAN devices in a namespace. */
    public List<VxlanInfo> listVxlans(String namespace) {
        namespaces.requireOurs(namespace);
        List<VxlanInfo> result = new ArrayList<>();
        for (JsonNode node : ip.ipJson(namespace, "-d", "link", "show", "type", "vxlan")) {
            String name = node.path("ifname").asText();
            if (naming.owns(name)) {
                result.add(vxlanInfo(node));
            }
        }
        return result;
    }

    /** The forwarding database entries of one device ({@code bridge fdb show dev DEV}). */
    public List<FdbEntry> fdb(String namespace, String device) {
        namespaces.requireOurs(namespace);
        Addresses.interfaceName(device);
        List<FdbEntry> entries = new ArrayList<>();
        for (JsonNode node : ip.bridgeJson(namespace, "fdb", "show", "dev", device)) {
            List<String> flags = new ArrayList<>();
            node.path("flags").forEach(f -> flags.add(f.asText()));
            entries.add(new FdbEntry(node.path("mac").asText(), device, node.path("dst").asText(""),
                    node.path("master").asText(""), flags, node.path("state").asText("")));
        }
        return entries;
    }

    // ---------------------------------------------------------------- underlay

    /** The WAN: a namespace holding one bridge, {@link Naming#wanBridge()}. */
    public void ensureWan(String wanNamespace) {
        namespaces.ensure(wanNamespace);
        String bridge = naming.wanBridge();
        List<String> lines = new ArrayList<>();
        Optional<LinkInfo> existing = link(wanNamespace, bridge);
        if (existing.isPresent() && !existing.get().kind().equals("bridge")) {
            throw new IllegalStateException(bridge + " in " + wanNamespace + " is a " + existing.get().kind());
        }
        if (existing.isEmpty()) {
            lines.add("link add " + bridge + " mtu " + UNDERLAY_MTU + " type bridge");
        }
        lines.add("link set " + bridge + " up");
        ip.batch(wanNamespace, lines);
    }

    /** {@link #attachToWan(String, String, String, int)} with MTU {@value #UNDERLAY_MTU}. */
    public void attachToWan(String wanNamespace, String siteNamespace, String uplinkCidr) {
        attachToWan(wanNamespace, siteNamespace, uplinkCidr, UNDERLAY_MTU);
    }

    /**
     * Connects a site namespace to the WAN: a veth {@link Naming#uplink()} in the site, with
     * {@code uplinkCidr} (e.g. {@code 10.255.0.1/24}) as its only global address, whose other end
     * {@link Naming#wanPort(String)} is a port of the WAN bridge. Creates the namespaces and the WAN bridge
     * if needed.
     */
    public void attachToWan(String wanNamespace, String siteNamespace, String uplinkCidr, int mtu) {
        Addresses.cidr("uplink address", uplinkCidr);
        ensureWan(wanNamespace);
        namespaces.ensure(siteNamespace);
        String uplink = naming.uplink();
        String wanPort = naming.wanPort(siteNamespace);
        Optional<LinkInfo> current = link(siteNamespace, uplink);
        if (current.isEmpty()) {
            if (link(wanNamespace, wanPort).isPresent()) {
                ip.batch(wanNamespace, List.of("link del " + wanPort));
            }
            ip.batch(siteNamespace, List.of("link add " + uplink + " mtu " + mtu + " type veth peer name "
                    + wanPort + " mtu " + mtu + " netns " + wanNamespace));
        }
        ip.batch(wanNamespace, List.of(
                "link set " + wanPort + " alias " + Addresses.id("site namespace", siteNamespace),
                "link set " + wanPort + " mtu " + mtu,
                "link set " + wanPort + " master " + naming.wanBridge(),
                "link set " + wanPort + " up"));
        List<String> site = new ArrayList<>();
        site.add("link set " + uplink + " mtu " + mtu);
        current.ifPresent(l -> l.addresses().stream().filter(a -> !a.equals(uplinkCidr))
                .forEach(a -> site.add("address del " + a + " dev " + uplink)));
        site.add("address replace " + uplinkCidr + " dev " + uplink);
        site.add("link set " + uplink + " up");
        ip.batch(siteNamespace, site);
    }

    /** Removes a site's uplink (both ends of the veth). */
    public void detachFromWan(String wanNamespace, String siteNamespace) {
        if (namespaces.exists(siteNamespace) && link(siteNamespace, naming.uplink()).isPresent()) {
            ip.batch(siteNamespace, List.of("link del " + naming.uplink()));
        }
        String wanPort = naming.wanPort(siteNamespace);
        if (namespaces.exists(wanNamespace) && link(wanNamespace, wanPort).isPresent()) {
            ip.batch(wanNamespace, List.of("link del " + wanPort));
        }
    }

    /**
     * Sets an interface administratively up or down, e.g. a site's WAN port to cut the site off without
     * deleting anything.
     */
    public void setLinkUp(String namespace, String device, boolean up) {
        namespaces.requireOurs(namespace);
        ip.batch(namespace, List.of("link set " + Addresses.interfaceName(device) + (up ? " up" : " down")));
    }

    // ---------------------------------------------------------------- bridges

    /**
     * A bridge for network {@code networkId} in a site namespace, up, with the network id as its alias.
     *
     * @return the bridge's name, {@link Naming#bridge(String)}
     */
    public String ensureBridge(String namespace, String networkId) {
        Addresses.id("network id", networkId);
        String bridge = naming.bridge(networkId);
        namespaces.requireOurs(namespace);
        Optional<LinkInfo> existing = link(namespace, bridge);
        if (existing.isPresent() && !existing.get().kind().equals("bridge")) {
            throw new IllegalStateException(bridge + " in " + namespace + " is a " + existing.get().kind());
        }
        List<String> lines = new ArrayList<>();
        if (existing.isEmpty()) {
            lines.add("link add " + bridge + " type bridge");
        }
        lines.add("link set " + bridge + " alias " + networkId);
        lines.add("link set " + bridge + " up");
        ip.batch(namespace, lines);
        return bridge;
    }

    /** Deletes the bridge of {@code networkId}; its ports stay, unenslaved. */
    public void deleteBridge(String namespace, String networkId) {
        deleteLink(namespace, naming.bridge(networkId));
    }

    /** Deletes one of our interfaces (a name with the prefix) if it exists. */
    public void deleteLink(String namespace, String device) {
        if (!naming.owns(device)) {
            throw new IllegalArgumentException(device + " is not one of ours (prefix " + naming.prefix() + ")");
        }
        Addresses.interfaceName(device);
        if (namespaces.exists(namespace) && link(namespace, device).isPresent()) {
            ip.batch(namespace, List.of("link del " + device));
        }
    }

    // ---------------------------------------------------------------- machines

    /**
     * A machine: its namespace, a veth whose end {@code eth0} inside has the given address (as its only
     * global one), MAC, MTU and default route, and whose other end {@link Naming#machinePort(String)} is a
     * port of {@code spec.bridge()} in the site namespace, with the machine's namespace as its alias. The
     * site namespace and the bridge must exist.
     */
    public void ensureMachine(MachineSpec spec) {
        String machine = spec.namespace();
        String site = spec.siteNamespace();
        namespaces.requireOurs(machine);
        namespaces.requireOurs(site);
        if (!namespaces.exists(site)) {
            throw new IllegalStateException("site namespace " + site + " does not exist");
        }
        Optional<LinkInfo> bridge = link(site, spec.bridge());
        if (bridge.isEmpty() || !bridge.get().kind().equals("bridge")) {
            throw new IllegalStateException("no bridge " + spec.bridge() + " in " + site);
        }
        namespaces.ensure(machine);
        String port = naming.machinePort(machine);
        String eth = naming.machineInterface();
        if (link(site, port).isEmpty()) {
            if (link(machine, eth).isPresent()) {
                ip.batch(machine, List.of("link del " + eth));
            }
            ip.batch(site, List.of("link add " + port + " mtu " + spec.mtu() + " type veth peer name " + eth
                    + (spec.mac() == null ? "" : " address " + spec.mac())
                    + " mtu " + spec.mtu() + " netns " + machine));
        }
        ip.batch(site, List.of(
                "link set " + port + " alias " + Addresses.id("machine namespace", machine),
                "link set " + port + " mtu " + spec.mtu(),
                "link set " + port + " master " + spec.bridge(),
                "link set " + port + " up"));

        LinkInfo inside = link(machine, eth).orElseThrow(
                () -> new IllegalStateException("no " + eth + " in " + machine + " after creating it"));
        List<String> lines = new ArrayList<>();
        if (spec.mac() != null && !spec.mac().equals(inside.mac())) {
            lines.add("link set " + eth + " down");
            lines.add("link set " + eth + " address " + spec.mac());
        }
        lines.add("link set " + eth + " mtu " + spec.mtu());
        inside.addresses().stream().filter(a -> !a.equals(spec.cidr()))
                .forEach(a -> lines.add("address del " + a + " dev " + eth));
        lines.add("address replace " + spec.cidr() + " dev " + eth);
        lines.add("link set " + eth + " up");
        boolean hasDefault = !ip.ipJson(machine, "route", "show", "default").isEmpty();
        if (spec.gateway() != null) {
            lines.add("route replace default via " + spec.gateway() + " dev " + eth);
        } else if (hasDefault) {
            lines.add("route del default");
        }
        ip.batch(machine, lines);
    }

    /** Deletes a machine: its namespace, its processes and its veth (both ends). */
    public void deleteMachine(String machineNamespace) {
        namespaces.delete(machineNamespace);
    }

    // ---------------------------------------------------------------- VXLAN

    /**
     * The VXLAN device of {@code vni} in a site namespace: {@code vxlan id VNI local LOCAL dstport 4789
     * nolearning}, enslaved to {@code bridge} with bridge-port learning off and {@code neigh_suppress off},
     * up. FRR's zebra finds it there and (with {@code advertise-all-vni}) announces the VNI. A device of that
     * name with another VNI, local address or port is replaced.
     *
     * @return the device's name, {@link Naming#vxlan(long)}
     */
    public String ensureVxlan(String namespace, long vni, String localAddress, String bridge) {
        return ensureVxlan(namespace, vni, localAddress, bridge, Optional.empty());
    }

    /**
     * As {@link #ensureVxlan(String, long, String, String)}, with {@code owner} (e.g. a service's id) as the
     * device's alias, so that whoever removes it can tell it from a device of the same VNI owned by another.
     */
    public String ensureVxlan(String namespace, long vni, String localAddress, String bridge, Optional<String> owner) {
        Vni.check(vni);
        Addresses.address("VTEP address", localAddress);
        Addresses.interfaceName(bridge);
        namespaces.requireOurs(namespace);
        String name = naming.vxlan(vni);
        if (link(namespace, bridge).filter(l -> l.kind().equals("bridge")).isEmpty()) {
            throw new IllegalStateException("no bridge " + bridge + " in " + namespace);
        }
        List<String> lines = new ArrayList<>();
        Optional<VxlanInfo> existing = listVxlans(namespace).stream().filter(v -> v.name().equals(name)).findFirst();
        boolean fits = existing.filter(v -> v.vni() == vni && v.local().equals(localAddress)
                && v.dstPort() == VXLAN_PORT && !v.learning()).isPresent();
        if (existing.isPresent() && !fits) {
            lines.add("link del " + name);
        }
        if (!fits) {
            lines.add("link add " + name + " type vxlan id " + vni + " local " + localAddress
                    + " dstport " + VXLAN_PORT + " nolearning");
        }
        lines.add("link set " + name + " master " + bridge);
        lines.add("link set dev " + name + " type bridge_slave neigh_suppress off learning off");
        lines.add("link set " + name + " up");
        owner.ifPresent(o -> lines.add("link set " + name + " alias " + Addresses.id("VXLAN owner", o)));
        ip.batch(namespace, lines);
        return name;
    }

    public void deleteVxlan(String namespace, long vni) {
        deleteLink(namespace, naming.vxlan(vni));
    }

    // ---------------------------------------------------------------- routing

    /** The router legs in a site namespace (their alias is the router's namespace). */
    public List<LinkInfo> listGatewayPorts(String siteNamespace) {
        String start = naming.prefix() + "g";
        return listLinks(siteNamespace).stream()
                .filter(l -> l.kind().equals("veth") && l.name().startsWith(start))
                .toList();
    }

    /**
     * A router namespace's leg into a network: a veth whose end {@link Naming#gatewayPort(String)} in the site
     * namespace is a port of {@code bridge} (alias: the router's namespace) and whose end
     * {@link Naming#routerLeg()} in the router namespace has exactly {@code addresses} (e.g. the subnets'
     * gateways, {@code 10.91.1.1/24}), MTU {@value MachineSpec#DEFAULT_MTU} like the machines. Both
     * namespaces and the bridge must exist.
     */
    public void ensureGatewayLeg(String siteNamespace, String bridge, String routerNamespace, List<String> addresses) {
        namespaces.requireOurs(siteNamespace);
        namespaces.requireOurs(routerNamespace);
        addresses.forEach(a -> Addresses.cidr("gateway address", a));
        if (link(siteNamespace, bridge).filter(l -> l.kind().equals("bridge")).isEmpty()) {
            throw new IllegalStateException("no bridge " + bridge + " in " + siteNamespace);
        }
        if (!namespaces.exists(routerNamespace)) {
            throw new IllegalStateException("router namespace " + routerNamespace + " does not exist");
        }
        String port = naming.gatewayPort(routerNamespace);
        String leg = naming.routerLeg();
        int mtu = MachineSpec.DEFAULT_MTU;
        if (link(siteNamespace, port).isEmpty()) {
            if (link(routerNamespace, leg).isPresent()) {
                ip.batch(routerNamespace, List.of("link del " + leg));
            }
            ip.batch(siteNamespace, List.of("link add " + port + " mtu " + mtu + " type veth peer name " + leg
                    + " mtu " + mtu + " netns " + routerNamespace));
        }
        ip.batch(siteNamespace, List.of(
                "link set " + port + " alias " + Addresses.id("router namespace", routerNamespace),
                "link set " + port + " master " + bridge,
                "link set " + port + " up"));
        LinkInfo inside = link(routerNamespace, leg).orElseThrow(
                () -> new IllegalStateException("no " + leg + " in " + routerNamespace + " after creating it"));
        List<String> lines = new ArrayList<>();
        inside.addresses().stream().filter(a -> !addresses.contains(a))
                .forEach(a -> lines.add("address del " + a + " dev " + leg));
        addresses.forEach(a -> lines.add("address replace " + a + " dev " + leg));
        lines.add("link set " + leg + " up");
        ip.batch(routerNamespace, lines);
    }

    /**
     * The bridge of an L3 VNI, {@link Naming#l3Bridge()}, with a fixed MAC (the router MAC zebra advertises
     * with the type-5 routes) and {@code alias} (e.g. the service it routes for), up.
     */
    public String ensureL3Bridge(String namespace, String mac, String alias) {
        namespaces.requireOurs(namespace);
        Addresses.mac("router MAC", mac);
        Addresses.id("alias", alias);
        String bridge = naming.l3Bridge();
        Optional<LinkInfo> existing = link(namespace, bridge);
        if (existing.isPresent() && !existing.get().kind().equals("bridge")) {
            throw new IllegalStateException(bridge + " in " + namespace + " is a " + existing.get().kind());
        }
        List<String> lines = new ArrayList<>();
        if (existing.isEmpty()) {
            lines.add("link add " + bridge + " address " + mac + " type bridge");
        } else if (!existing.get().mac().equals(mac)) {
            lines.add("link set " + bridge + " address " + mac);
        }
        lines.add("link set " + bridge + " alias " + alias);
        lines.add("link set " + bridge + " up");
        ip.batch(namespace, lines);
        return bridge;
    }

    /** Turns IPv4 forwarding of a namespace on or off ({@code net.ipv4.ip_forward}, per namespace). */
    public void setIpForwarding(String namespace, boolean on) {
        namespaces.exec(namespace, Duration.ofSeconds(10), "sysctl", "-qw", "net.ipv4.ip_forward=" + (on ? 1 : 0));
    }

    /**
     * A route to {@code cidr} straight out of {@code device} ({@code scope link}): the hosts there are on
     * the device's link although not in one of its subnets, e.g. router namespaces on the WAN bridge.
     */
    public void ensureOnLinkRoute(String namespace, String cidr, String device) {
        namespaces.requireOurs(namespace);
        Addresses.cidr("route destination", cidr);
        Addresses.interfaceName(device);
        ip.batch(namespace, List.of("route replace " + cidr + " dev " + device + " scope link"));
    }

    /** The IPv4 routes of a namespace's main table as {@code ip route} prints them, one a line. */
    public List<String> routes(String namespace) {
        namespaces.requireOurs(namespace);
        return namespaces.exec(namespace, Duration.ofSeconds(10), "ip", "-4", "route", "show").lines()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    // ---------------------------------------------------------------- probes

    /**
     * Pings {@code destination} from inside a namespace ({@code ping -n -q -c COUNT -i INTERVAL -W WAIT}).
     * Losing replies is a result, not an error.
     *
     * @param interval time between requests; below 200 ms needs root
     * @param wait     how long to wait for each reply
     */
    public PingResult ping(String namespace, String destination, int count, Duration interval, Duration wait) {
        namespaces.requireOurs(namespace);
        Addresses.address("ping destination", destination);
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("ping count between 1 and 1000: " + count);
        }
        Duration limit = interval.multipliedBy(count).plus(wait).plusSeconds(5);
        String out;
        try {
            out = namespaces.exec(namespace, limit, "ping", "-n", "-q", "-c", Integer.toString(count),
                    "-i", seconds(interval), "-W", seconds(wait), destination);
        } catch (CommandFailedException e) {
            if (e.exitCode() != 1) {
                throw e;
            }
            out = e.stdout();
        }
        Matcher packets = PACKETS.matcher(out);
        if (!packets.find()) {
            throw new IllegalStateException("unexpected ping output: " + IpTool.abbreviate(out));
        }
        Matcher rtt = RTT.matcher(out);
        Optional<Duration> average = rtt.find()
                ? Optional.of(Duration.ofNanos(Math.round(Double.parseDouble(rtt.group(1)) * 1e6)))
                : Optional.empty();
        return new PingResult(Integer.parseInt(packets.group(1)), Integer.parseInt(packets.group(2)), average);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    // ---------------------------------------------------------------- parsing

    private static LinkInfo linkInfo(JsonNode node) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode a : node.path("addr_info")) {
            if ("global".equals(a.path("scope").asText())) {
                addresses.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt());
            }
        }
        boolean up = false;
        for (JsonNode flag : node.path("flags")) {
            up |= "UP".equals(flag.asText());
        }
        return new LinkInfo(node.path("ifname").asText(), node.path("linkinfo").path("info_kind").asText(""),
                node.path("ifalias").asText(""), node.path("master").asText(""), node.path("mtu").asInt(),
                up, node.path("operstate").asText(""), node.path("address").asText(""), addresses);
    }

    private static VxlanInfo vxlanInfo(JsonNode node) {
        JsonNode info = node.path("linkinfo");
        JsonNode data = info.path("info_data");
        JsonNode port = info.path("info_slave_data");
        boolean up = false;
        for (JsonNode flag : node.path("flags")) {
            up |= "UP".equals(flag.asText());
        }
        return new VxlanInfo(node.path("ifname").asText(), data.path("id").asLong(), data.path("local").asText(""),
                data.path("port").asInt(), data.path("learning").asBoolean(false), node.path("master").asText(""),
                port.path("learning").asBoolean(false), port.path("neigh_suppress").asBoolean(false), up,
                node.path("ifalias").asText(""));
    }
}
