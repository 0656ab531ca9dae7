package org.diminet.openstack.bgpvpn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.diminet.core.dataplane.DataPlane;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.domain.error.VimException;
import org.diminet.openstack.neutron.NetworkOwners;
import org.diminet.openstack.neutron.NeutronClient;

/**
 * The {@code bgpvpn} data-plane driver: one networking-bgpvpn BGPVPN per service and site, associated with
 * the service's local network.
 *
 * <ul>
 *   <li>{@link #attach}: {@code POST /bgpvpn/bgpvpns} named {@code diminet-<global id>}, type {@code l3} for
 *       L3 services and {@code l2} for L2 extensions, exporting the site's target and importing the others';
 *       then {@code POST .../network_associations}. If the association is refused, the BGPVPN is deleted
 *       before the failure is thrown. The attachment's external ids are {@code [bgpvpn id, association id]}.</li>
 *   <li>{@link #updateImports}: {@code PUT} of the BGPVPN's {@code import_targets}.</li>
 *   <li>{@link #detach}: {@code DELETE} of the association, then of the BGPVPN; either being gone already
 *       is fine. {@link #detachUnrecorded} finds them by name when a crash left them unrecorded, and
 *       {@code attach} calls it first, so a retried attach never leaves a second BGPVPN.</li>
 * </ul>
 * Failures are {@link VimException}s naming the region, as for {@link org.diminet.openstack.neutron.NeutronVim}.
 */
public final class BgpvpnDataPlane implements DataPlane {
    public static final String DRIVER = "bgpvpn";
    private static final String BGPVPNS = "/bgpvpn/bgpvpns";

    private final NeutronClient neutron;
    private final NetworkOwners owners;

    public BgpvpnDataPlane(NeutronClient neutron) {
        this(neutron, new NetworkOwners());
    }

    /** @param owners the projects of networks this site's Neutron adapter read (it has just read the one it attaches) */
    public BgpvpnDataPlane(NeutronClient neutron, NetworkOwners owners) {
        this.neutron = Objects.requireNonNull(neutron, "neutron");
        this.owners = Objects.requireNonNull(owners, "owners");
    }

    @Override
    public String driver() {
        return DRIVER;
    }

    /** The name DIMINET gives the BGPVPN of a service, so an operator can tell whose it is. */
    public static String bgpvpnName(GlobalId service) {
        return "diminet-" + service;
    }

    @Override
    public DataPlaneAttachment attach(GlobalId service, ServiceType type, NetworkId localNetwork,
                                      RouteTarget export, Set<RouteTarget> imports) {
        ObjectNode body = NeutronClient.object();
        ObjectNode bgpvpn = body.putObject("bgpvpn");
        bgpvpn.put("name", bgpvpnName(service));
        bgpvpn.put("type", switch (type) {
            case L2 -> "l2";
            case L3 -> "l3";
        });
        bgpvpn.putArray("export_targets").add(export.value());
        bgpvpn.set("import_targets", targets(imports));
        // networking-bgpvpn associates a network only with a BGPVPN (and by an association) of the network's
        // own project; the network is the user's, so DIMINET, an admin, makes both in the user's project.
        String owner = owners.projectOf(localNetwork).orElseGet(() -> {
            JsonNode network = neutron.get("/networks/" + localNetwork.value()).path("network");
            return network.path("project_id").asText(network.path("tenant_id").asText(""));
        });
        if (!owner.isEmpty()) {
            bgpvpn.put("project_id", owner);
        }
        String bgpvpnId = id(neutron.post(BGPVPNS, body).path("bgpvpn"), "BGPVPN");

        ObjectNode association = NeutronClient.object();
        ObjectNode associationBody = association.putObject("network_association").put("network_id", localNetwork.value());
        if (!owner.isEmpty()) {
            associationBody.put("project_id", owner); // the association, too, must be the network owner's
        }
        try {
            String associationId = id(neutron.post(associations(bgpvpnId), association).path("network_association"),
                    "network association");
            return new DataPlaneAttachment(DRIVER, List.of(bgpvpnId, associationId), export, imports);
        } catch (RuntimeException e) {
            try {
                neutron.delete(BGPVPNS + "/" + bgpvpnId);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** {@inheritDoc} A BGPVPN that no longer exists is a {@link VimException}: the site lost the connection. */
    @Override
    public DataPlaneAttachment updateImports(DataPlaneAttachment attachment, Set<RouteTarget> imports) {
        String bgpvpnId = bgpvpnId(attachment);
        ObjectNode body = NeutronClient.object();
        body.putObject("bgpvpn").set("import_targets", targets(imports));
        neutron.put(BGPVPNS + "/" + bgpvpnId, body);
        return new DataPlaneAttachment(DRIVER, attachment.externalIds(), attachment.exportTarget(), imports);
    }

    @Override
    public void detach(DataPlaneAttachment attachment) {
        String bgpvpnId = bgpvpnId(attachment);
        if (attachment.externalIds().size() > 1) {
            neutron.delete(associations(bgpvpnId) + "/" + attachment.externalIds().get(1));
        }
        neutron.delete(BGPVPNS + "/" + bgpvpnId);
    }

    /** {@inheritDoc} Here: every BGPVPN named {@code diminet-<global id>}, with its network associations. */
    @Override
    public void detachUnrecorded(GlobalId service) {
        for (JsonNode bgpvpn : neutron.list(BGPVPNS + "?" + NeutronClient.query("name", bgpvpnName(service)), "bgpvpns")) {
            String bgpvpnId = id(bgpvpn, "BGPVPN");
            for (JsonNode association : neutron.list(associations(bgpvpnId), "network_associations")) {
                neutron.delete(associations(bgpvpnId) + "/" + id(association, "network association"));
            }
            neutron.delete(BGPVPNS + "/" + bgpvpnId);
        }
    }

    private static String bgpvpnId(DataPlaneAttachment attachment) {
        if (!DRIVER.equals(attachment.driver()) || attachment.externalIds().isEmpty()) {
            throw new IllegalArgumentException("not an attachment of the bgpvpn driver: " + attachment);
        }
        return attachment.externalIds().getFirst();
    }

    private static String associations(String bgpvpnId) {
        return BGPVPNS + "/" + bgpvpnId + "/network_associations";
    }

    /** Sorted, so the same targets always make the same request. */
    private static ArrayNode targets(Set<RouteTarget> targets) {
        ArrayNode array = NeutronClient.object().arrayNode();
        targets.stream().map(RouteTarget::value).sorted().forEach(array::add);
        return array;
    }

    private String id(JsonNode node, String what) {
        if (!node.hasNonNull("id")) {
            throw new VimException(neutron.region(), "Neutron's answer has no " + what + " id: " + node);
        }
        return node.get("id").asText();
    }
}
