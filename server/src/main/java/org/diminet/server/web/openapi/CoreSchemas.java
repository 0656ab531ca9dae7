package org.diminet.server.web.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.Connection;
import org.diminet.core.domain.DataPlaneAttachment;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.L3Params;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.PoolLedger;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.ServiceState;
import org.diminet.core.domain.ServiceType;
import org.diminet.core.peer.CreatePartRequest;
import org.diminet.core.peer.L2Instruction;
import org.diminet.core.peer.PartReply;
import org.diminet.core.peer.Standing;
import org.diminet.core.peer.UpdatePartRequest;

/**
 * Descriptions and examples of the core's records that travel over the APIs, as Jackson mix-ins. They are
 * registered only on the copy of the JSON mapper that derives the OpenAPI schemas, never on the one that
 * writes answers, and the core stays free of any framework: a mix-in's method stands for the record
 * component of the same name.
 */
final class CoreSchemas {
    private CoreSchemas() {
    }

    /** The core's records and the mix-ins that describe them. */
    private static final Map<Class<?>, Class<?>> MIXINS = mixins();

    private static Map<Class<?>, Class<?>> mixins() {
        Map<Class<?>, Class<?>> mixins = new LinkedHashMap<>();
        mixins.put(Connection.class, ConnectionDoc.class);
        mixins.put(DataPlaneAttachment.class, DataPlaneAttachmentDoc.class);
        mixins.put(IpRange.class, IpRangeDoc.class);
        mixins.put(L2Params.class, L2ParamsDoc.class);
        mixins.put(L3Params.class, L3ParamsDoc.class);
        mixins.put(PoolLedger.class, PoolLedgerDoc.class);
        mixins.put(Resource.class, ResourceDoc.class);
        mixins.put(CreatePartRequest.class, CreatePartRequestDoc.class);
        mixins.put(L2Instruction.class, L2InstructionDoc.class);
        mixins.put(UpdatePartRequest.class, UpdatePartRequestDoc.class);
        mixins.put(PartReply.class, PartReplyDoc.class);
        mixins.put(Standing.class, StandingDoc.class);
        return Map.copyOf(mixins);
    }

    static ObjectMapper register(ObjectMapper mapper) {
        MIXINS.forEach(mapper::addMixIn);
        return mapper;
    }

    /**
     * The records' own descriptions, by schema name: a mix-in's class-level annotation is not read when the
     * schemas are derived, so {@link ApiConventions} sets them on the finished document.
     */
    static Map<String, String> descriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        MIXINS.forEach((type, mixin) -> descriptions.put(type.getSimpleName(), mixin.getAnnotation(Schema.class).description()));
        return descriptions;
    }

    static final String UUID_EXAMPLE = "3b8360e6-e29a-4063-a8bc-7bbd0785d08b";
    static final String SERVICE_ID_EXAMPLE = "7f1c2a3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b";
    static final String STATE_DESCRIPTION = "Where the service stands at this site: ACTIVE (complete), DEGRADED (works,"
            + " but a step waits for a site), CREATING / UPDATING / DELETING (an operation of the master is running),"
            + " FAILED (a revoked create being undone, or a part its master no longer knows that still has machines)";
    static final String POOLS_EXAMPLE = "[{\"start\": \"192.168.101.2\", \"end\": \"192.168.101.64\"}]";
    static final String RESOURCES_EXAMPLE = "[{\"region\": \"RegionOne\", \"network\": \"" + UUID_EXAMPLE + "\"},"
            + " {\"region\": \"RegionTwo\", \"network\": \"a41e9b52-3f4c-4e47-8b35-5f0c6a2d9e11\"}]";

    @Schema(description = "How this site reaches one other site of the service in the data plane (stored only here)")
    interface ConnectionDoc {
        @Schema(description = "The other site", example = "RegionTwo")
        Region remoteRegion();

        @Schema(description = "The service's network at that site; null while an L2 extension's network there is not"
                + " created yet", example = "a41e9b52-3f4c-4e47-8b35-5f0c6a2d9e11", types = {"string", "null"})
        Optional<NetworkId> remoteNetwork();

        @Schema(description = "The route target (ASN:number) under which this site exports routes to that site",
                example = "64512:1840236545")
        RouteTarget localExport();

        @Schema(description = "The route target that site exports, which this site imports", example = "64512:907317321")
        RouteTarget remoteExport();
    }

    @Schema(description = "What the data-plane driver made at this site for the service")
    interface DataPlaneAttachmentDoc {
        @Schema(description = "The driver that made it: `none` (records only), `bgpvpn` (beside Neutron) or `linux`",
                example = "bgpvpn")
        String driver();

        @Schema(description = "Ids of the objects the driver created in the VIM (a BGPVPN and its network"
                + " association); empty for `none`", example = "[\"c5d1a0f2-8e3b-4f6a-9d7c-2b1e0f3a4c5d\"]")
        List<String> externalIds();

        @Schema(description = "The route target this site exports", example = "64512:1840236545")
        RouteTarget exportTarget();

        @Schema(description = "The route targets this site imports, one per other site",
                example = "[\"64512:907317321\", \"64512:311120554\"]")
        Set<RouteTarget> importTargets();
    }

    @Schema(description = "An inclusive range of addresses, as in a Neutron allocation pool")
    interface IpRangeDoc {
        @Schema(description = "The first address of the range", example = "192.168.101.2")
        String start();

        @Schema(description = "The last address of the range", example = "192.168.101.64")
        String end();
    }

    @Schema(description = "An L2 extension's parameters at this site (`kind`: L2)")
    interface L2ParamsDoc {
        @Schema(description = "The CIDR the extended network has at every site", example = "192.168.101.0/24")
        Cidr cidr();

        @Schema(description = "The gateway address, the same at every site and never in a pool; null when the"
                + " subnet has none", example = "192.168.101.1", types = {"string", "null"})
        String gatewayIp();

        @Schema(description = "The VIM id of the subnet whose allocation pools DIMINET manages here",
                example = "5e2a7c1d-0b3f-4a9e-8d6c-4f1b2a3c5d7e")
        String localSubnetId();

        @Schema(description = "The allocation pools this site hands out", example = POOLS_EXAMPLE)
        List<IpRange> localPools();

        @Schema(description = "True when DIMINET created the network here (a site the network was extended to):"
                + " it is deleted with the service; the master's own network never is", example = "false")
        boolean createdHere();

        @Schema(description = "At the master: the subnet's pools before the extension, restored when the service is"
                + " deleted; empty at the other sites", example = "[{\"start\": \"192.168.101.2\", \"end\": \"192.168.101.254\"}]")
        List<IpRange> originalPools();

        @Schema(description = "At the master: which addresses each site owns and which are still free; null at the"
                + " other sites")
        Optional<PoolLedger> ledger();
    }

    @Schema(description = "L3 routing's parameters at this site (`kind`: L3)")
    interface L3ParamsDoc {
        @Schema(description = "The CIDRs of the local network's subnets", example = "[\"10.1.0.0/24\"]")
        List<Cidr> localCidrs();
    }

    @Schema(description = "The master's ledger of an L2 extension's addresses: what each site owns, what is free")
    interface PoolLedgerDoc {
        @Schema(description = "The extension's CIDR", example = "192.168.101.0/24")
        Cidr cidr();

        @Schema(description = "The gateway address, in no range", example = "192.168.101.1", types = {"string", "null"})
        String gatewayIp();

        @Schema(description = "Ranges no site owns yet", example = "[{\"start\": \"192.168.101.128\", \"end\": \"192.168.101.254\"}]")
        List<IpRange> free();

        @Schema(description = "Per region, the ranges that site owns",
                example = "{\"RegionOne\": [{\"start\": \"192.168.101.2\", \"end\": \"192.168.101.64\"}],"
                        + " \"RegionTwo\": [{\"start\": \"192.168.101.65\", \"end\": \"192.168.101.127\"}]}")
        Map<Region, List<IpRange>> assigned();

        @Schema(description = "The size of the largest single pool ever handed out", example = "63")
        BigInteger largestPool();
    }

    @Schema(description = "One site of a service: a region and the service's network there")
    interface ResourceDoc {
        @Schema(description = "The site", example = "RegionTwo")
        Region region();

        @Schema(description = "The network at that site; null for a site of an L2 extension whose network is not"
                + " created yet", example = "a41e9b52-3f4c-4e47-8b35-5f0c6a2d9e11", types = {"string", "null"})
        Optional<NetworkId> network();
    }

    @Schema(description = "Master to site: check and create your part of this service, in one call")
    interface CreatePartRequestDoc {
        @Schema(description = "This attempt's id; an undo (`DELETE …?abandoned_operation=`) names it so that the"
                + " create is refused if it arrives later", example = "0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f")
        UUID operation();

        @Schema(description = "The service's global id, made by the master", example = SERVICE_ID_EXAMPLE)
        GlobalId id();

        @Schema(description = "The service's name", example = "my-l2")
        String name();

        @Schema(description = "L2 (extension) or L3 (routing)", example = "L2")
        ServiceType type();

        @Schema(description = "The project the service belongs to; its networks are created in it", example = "project-a")
        String project();

        @Schema(description = "The master: must be the calling site", example = "RegionOne")
        Region master();

        @Schema(description = "Every site of the service as the master knows them now; one must be this site",
                example = "[{\"region\": \"RegionOne\", \"network\": \"" + UUID_EXAMPLE + "\"}, {\"region\": \"RegionTwo\","
                        + " \"network\": null}]")
        List<Resource> resources();

        @Schema(description = "L2 only: the CIDR, gateway and pools this site's copy of the network gets; absent"
                + " for L3")
        Optional<L2Instruction> l2();
    }

    @Schema(description = "What a site needs to host its copy of an extended network")
    interface L2InstructionDoc {
        @Schema(description = "The extended network's CIDR", example = "192.168.101.0/24")
        Cidr cidr();

        @Schema(description = "The gateway address (the same everywhere), or null for none", example = "192.168.101.1",
                types = {"string", "null"})
        String gatewayIp();

        @Schema(description = "The allocation pools this site gets, inside the CIDR",
                example = "[{\"start\": \"192.168.101.65\", \"end\": \"192.168.101.127\"}]")
        List<IpRange> pools();
    }

    @Schema(description = "Master to site: the service's sites are now `resources`; for L2, add `extra_pools`")
    interface UpdatePartRequestDoc {
        @Schema(description = "Every site of the service after the change", example = RESOURCES_EXAMPLE)
        List<Resource> resources();

        @Schema(description = "L2: pools the master's ledger granted this site, to add to its subnet; empty otherwise",
                example = "[{\"start\": \"192.168.101.128\", \"end\": \"192.168.101.159\"}]")
        List<IpRange> extraPools();
    }

    @Schema(description = "A site's part of a service")
    interface PartReplyDoc {
        @Schema(description = "The site that answers", example = "RegionTwo")
        Region region();

        @Schema(description = "The local network (for L2 at a site it was extended to: the one DIMINET created);"
                + " null if there is none yet", example = "a41e9b52-3f4c-4e47-8b35-5f0c6a2d9e11",
                types = {"string", "null"})
        Optional<NetworkId> network();

        @Schema(description = "The CIDRs of the local network's subnets", example = "[\"10.2.0.0/24\"]")
        List<Cidr> cidrs();

        @Schema(description = "L2: the allocation pools this site hands out; empty for L3",
                example = "[{\"start\": \"192.168.101.65\", \"end\": \"192.168.101.127\"}]")
        List<IpRange> pools();

        @Schema(description = "Ports of users' machines on the local network (ports the VIM owns not counted)",
                example = "2")
        int userPorts();

        @Schema(description = STATE_DESCRIPTION, example = "ACTIVE")
        ServiceState state();
    }

    @Schema(description = "The master's word on one site's place in a service")
    interface StandingDoc {
        @Schema(description = "Whether the site is a site of the service (or is becoming one through a running change)",
                example = "true")
        boolean member();

        @Schema(description = "The service's sites as the master has them", example = RESOURCES_EXAMPLE)
        List<Resource> resources();

        @Schema(description = "L2: the pools the master's ledger gives that site; empty for L3", example = POOLS_EXAMPLE)
        List<IpRange> pools();
    }
}
