package org.diminet.openstack.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.DiminetException;
import org.diminet.core.domain.error.VimException;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.Vim;
import org.diminet.core.vim.VimNetwork;
import org.diminet.core.vim.VimPort;
import org.diminet.core.vim.VimSubnet;

/**
 * The {@link Vim} port over one region's Neutron v2.0 (networks, subnets, ports).
 *
 * <p><b>Errors.</b> A missing network is {@link Optional#empty()} or an empty list, as the port says; a
 * missing network on delete is fine. Everything else, including Neutron's 400 and 409, is a
 * {@link VimException} naming the region and carrying Neutron's {@code NeutronError.message} (see
 * {@link NeutronClient} for the exact forms). 400/409 are deliberately not turned into the core's
 * {@code InvalidRequestException}/{@code ConflictException}: the core validates CIDRs, pools, gateways and
 * attached ports itself before calling the VIM, so when Neutron still refuses, Neutron and DIMINET disagree
 * (the site changed under DIMINET, or Neutron applies a rule DIMINET does not mirror). That is a failure of
 * the site, not of the user's request, and must not be reported to the user as their 400/409 — the embedded
 * VIM reports such refusals the same way. The cause ({@link NeutronApiException}) keeps Neutron's status
 * and type for logs.
 */
public final class NeutronVim implements Vim {
    private static final String SUBNET_FIELDS = fields("id", "network_id", "cidr", "gateway_ip", "allocation_pools");
    private static final String PORT_FIELDS = fields("id", "network_id", "device_owner", "fixed_ips");

    private final NeutronClient neutron;
    private final NetworkOwners owners;

    public NeutronVim(NeutronClient neutron) {
        this(neutron, new NetworkOwners());
    }

    /** @param owners where the projects of the networks read are left for this site's BGPVPN driver */
    public NeutronVim(NeutronClient neutron, NetworkOwners owners) {
        this.neutron = Objects.requireNonNull(neutron, "neutron");
        this.owners = Objects.requireNonNull(owners, "owners");
    }

    public Region region() {
        return neutron.region();
    }

    @Override
    public Optional<VimNetwork> findNetwork(NetworkId id) {
        return neutron.find("/networks/" + id).map(body -> toNetwork(body.path("network")));
    }

    @Override
    public List<VimNetwork> networksNamed(String name) {
        return neutron.list("/networks?" + NeutronClient.query("name", name), "networks").stream()
                .map(this::toNetwork).toList();
    }

    @Override
    public List<VimSubnet> subnetsOf(NetworkId id) {
        return neutron.list("/subnets?" + NeutronClient.query("network_id", id.value()) + "&" + SUBNET_FIELDS, "subnets")
                .stream().map(this::toSubnet).toList();
    }

    @Override
    public List<VimSubnet> allSubnets() {
        return neutron.list("/subnets?" + SUBNET_FIELDS, "subnets").stream().map(this::toSubnet).toList();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Two requests: {@code POST /networks} with {@code project_id}, then {@code POST /subnets} (named like
     * the network, with the same {@code project_id}) with the CIDR, its IP version, {@code gateway_ip} (JSON null — no gateway — when the spec has none) and
     * {@code allocation_pools} when the spec lists any (otherwise Neutron takes the whole CIDR). If the subnet
     * is refused, the network is deleted before the subnet's failure is thrown; should that delete fail too,
     * its failure is attached as suppressed.
     *
     * <p>Naming another project than the token's needs the admin role in Neutron, which DIMINET's service
     * user has. The subnet names it too: without it Neutron gives the subnet the token's project, which it
     * refuses for a non-admin (not the network's project) and which for an admin is the wrong owner.
     */
    @Override
    public VimNetwork createNetworkWithSubnet(String name, String project, SubnetSpec subnet) {
        Objects.requireNonNull(project, "project");
        ObjectNode networkBody = NeutronClient.object();
        networkBody.putObject("network").put("name", name).put("project_id", project);
        VimNetwork network = toNetwork(neutron.post("/networks", networkBody).path("network"));

        ObjectNode subnetBody = NeutronClient.object();
        ObjectNode s = subnetBody.putObject("subnet");
        s.put("network_id", network.id().value());
        s.put("project_id", project);
        s.put("name", name);
        s.put("ip_version", subnet.cidr().ipVersion());
        s.put("cidr", subnet.cidr().value());
        if (subnet.gatewayIp() == null) {
            s.putNull("gateway_ip");
        } else {
            s.put("gateway_ip", subnet.gatewayIp());
        }
        if (!subnet.allocationPools().isEmpty()) {
            s.set("allocation_pools", pools(subnet.allocationPools()));
        }
        try {
            VimSubnet created = toSubnet(neutron.post("/subnets", subnetBody).path("subnet"));
            return new VimNetwork(network.id(), network.name(), network.project(), network.shared(),
                    List.of(created.id()));
        } catch (RuntimeException e) {
            try {
                neutron.delete("/networks/" + network.id());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** {@inheritDoc} {@code PUT /subnets/<id>}; an unknown subnet is a {@link VimException}. */
    @Override
    public VimSubnet updateAllocationPools(String subnetId, List<IpRange> pools) {
        ObjectNode body = NeutronClient.object();
        body.putObject("subnet").set("allocation_pools", pools(pools));
        return toSubnet(neutron.put("/subnets/" + subnetId, body).path("subnet"));
    }

    /** {@inheritDoc} Neutron refuses (409 NetworkInUse, a {@link VimException}) while users' ports are on it. */
    @Override
    public void deleteNetwork(NetworkId id) {
        neutron.delete("/networks/" + id);
    }

    @Override
    public List<VimPort> portsOf(NetworkId id) {
        return neutron.list("/ports?" + NeutronClient.query("network_id", id.value()) + "&" + PORT_FIELDS, "ports")
                .stream().map(this::toPort).toList();
    }

    private static ArrayNode pools(List<IpRange> pools) {
        ArrayNode array = NeutronClient.JSON.createArrayNode();
        for (IpRange pool : pools) {
            array.addObject().put("start", pool.start()).put("end", pool.end());
        }
        return array;
    }

    private VimNetwork toNetwork(JsonNode n) {
        return read("network", n, () -> {
            List<String> subnets = new ArrayList<>();
            n.path("subnets").forEach(s -> subnets.add(s.asText()));
            VimNetwork network = new VimNetwork(NetworkId.of(text(n, "id")), n.path("name").asText(""), owner(n),
                    n.path("shared").asBoolean(false), subnets);
            owners.remember(network.id(), network.project());
            return network;
        });
    }

    /** Neutron reports {@code project_id} since Newton; older APIs and some proxies only {@code tenant_id}. */
    private static String owner(JsonNode n) {
        JsonNode project = n.hasNonNull("project_id") ? n.get("project_id") : n.get("tenant_id");
        if (project == null || project.isNull() || !project.isTextual()) {
            throw new IllegalArgumentException("no project_id or tenant_id");
        }
        return project.asText();
    }

    private VimSubnet toSubnet(JsonNode s) {
        return read("subnet", s, () -> {
            List<IpRange> pools = new ArrayList<>();
            s.path("allocation_pools").forEach(p -> pools.add(new IpRange(text(p, "start"), text(p, "end"))));
            String gateway = s.hasNonNull("gateway_ip") ? canonical(s.get("gateway_ip").asText()) : null;
            return new VimSubnet(text(s, "id"), NetworkId.of(text(s, "network_id")), Cidr.of(text(s, "cidr")), gateway, pools);
        });
    }

    private VimPort toPort(JsonNode p) {
        return read("port", p, () -> {
            List<String> ips = new ArrayList<>();
            p.path("fixed_ips").forEach(ip -> ips.add(canonical(text(ip, "ip_address"))));
            return new VimPort(text(p, "id"), NetworkId.of(text(p, "network_id")), p.path("device_owner").asText(""), ips);
        });
    }

    /** Turns a Neutron object Neutron should never send (no id, a malformed CIDR) into a failure of the site. */
    private <T> T read(String what, JsonNode node, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (DiminetException | IllegalArgumentException | NullPointerException e) {
            throw new VimException(region(), "Neutron sent a " + what + " DIMINET cannot read (" + e.getMessage() + "): "
                    + abbreviate(node.toString()), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value.asText();
    }

    /** Neutron and the core may write IPv6 addresses differently ({@code ::}, leading zeros); the core's form wins. */
    private static String canonical(String address) {
        IPAddress ip = new IPAddressString(address).getAddress();
        return ip == null ? address : ip.withoutPrefixLength().toCanonicalString();
    }

    /** Neutron's {@code fields} filter: only what DIMINET reads comes back. */
    private static String fields(String... names) {
        return java.util.Arrays.stream(names).map(n -> NeutronClient.query("fields", n))
                .collect(java.util.stream.Collectors.joining("&"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
