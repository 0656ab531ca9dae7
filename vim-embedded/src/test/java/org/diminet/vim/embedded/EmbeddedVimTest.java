package org.diminet.vim.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.VimException;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.VimNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulator specifics beyond the {@code Vim} contract: Neutron's allocation, validation and errors, and persistence. */
class EmbeddedVimTest {

    private static final Region REGION = Region.of("RegionOne");
    private static final String PROJECT = "project-a";

    private final EmbeddedVim vim = new EmbeddedVim(REGION);

    // --- port allocation -------------------------------------------------------------------------

    @Test
    void ports_getTheLowestFreeAddresses_inPoolOrder_untilThePoolsAreUsedUp() {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        vim.subnets().create(network.id(), Optional.empty(), "sub", "10.0.0.0/24", GatewayChoice.of("10.0.0.1"),
                List.of(range("10.0.0.20", "10.0.0.21"), range("10.0.0.10", "10.0.0.10")));

        assertThat(List.of(vmPort(network), vmPort(network), vmPort(network)))
                .containsExactly("10.0.0.10", "10.0.0.20", "10.0.0.21");
        assertRefused(() -> vmPort(network), 409, "IpAddressGenerationFailure",
                "No more IP addresses available on network " + network.id() + ".");
    }

    @Test
    void deletingAPort_freesItsAddress() {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        vim.subnets().create(network.id(), Optional.empty(), "sub", "10.0.0.0/24", GatewayChoice.defaultGateway(),
                List.of(range("10.0.0.10", "10.0.0.12")));
        vmPort(network);
        PortView middle = createPort(network, Optional.empty());
        vmPort(network);

        vim.ports().delete(middle.id());

        assertThat(vmPort(network)).isEqualTo("10.0.0.11");
        assertRefused(() -> vmPort(network), 409, "IpAddressGenerationFailure", null);
    }

    @Test
    void allocation_movesOnToTheNextSubnet_whenTheFirstIsFull() {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        vim.subnets().create(network.id(), Optional.empty(), "a", "10.0.0.0/24", GatewayChoice.defaultGateway(),
                List.of(range("10.0.0.10", "10.0.0.10")));
        SubnetView second = vim.subnets().create(network.id(), Optional.empty(), "b", "10.0.1.0/24", GatewayChoice.defaultGateway(), List.of());

        vmPort(network);
        PortView port = createPort(network, Optional.empty());

        assertThat(port.fixedIps()).containsExactly(new FixedIp(second.id(), "10.0.1.2"));
    }

    @Test
    void aNetworkWithoutSubnet_givesPortsNoAddress() {
        NetworkView network = vim.networks().create("net", PROJECT, false);

        assertThat(createPort(network, Optional.empty()).fixedIps()).isEmpty();
    }

    @Test
    void ipv6_allocation_doesNotWalkTheWholePool() {
        NetworkView network = vim.networks().create("net6", PROJECT, false);
        SubnetView subnet = vim.subnets().create(network.id(), Optional.empty(), "sub6", "fd00:1::/64", GatewayChoice.defaultGateway(), List.of());

        assertThat(subnet.gatewayIp()).isEqualTo("fd00:1::1");
        assertThat(subnet.allocationPools()).containsExactly(range("fd00:1::2", "fd00:1::ffff:ffff:ffff:fffe"));
        assertThat(List.of(vmPort(network), vmPort(network))).containsExactly("fd00:1::2", "fd00:1::3");
    }

    // --- explicit fixed IPs ----------------------------------------------------------------------

    @Test
    void anExplicitAddressOutsideThePools_isAccepted_andADuplicateIsRefused() {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        SubnetView subnet = vim.subnets().create(network.id(), Optional.empty(), "sub", "10.0.0.0/24", GatewayChoice.defaultGateway(),
                List.of(range("10.0.0.10", "10.0.0.20")));

        PortView port = createPort(network, Optional.of(FixedIpRequest.address("10.0.0.100")));

        assertThat(port.fixedIps()).containsExactly(new FixedIp(subnet.id(), "10.0.0.100"));
        assertRefused(() -> createPort(network, Optional.of(FixedIpRequest.address("10.0.0.100"))), 409,
                "IpAddressAlreadyAllocated", "IP address 10.0.0.100 already allocated in subnet " + subnet.id());
    }

    @Test
    void anExplicitAddressInsideThePools_isSkippedByLaterAllocation() {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        SubnetView subnet = vim.subnets().create(network.id(), Optional.empty(), "sub", "10.0.0.0/24", GatewayChoice.defaultGateway(),
                List.of(range("10.0.0.10", "10.0.0.20")));

        createPort(network, Optional.of(new FixedIpRequest(subnet.id(), "10.0.0.10")));

        assertThat(vmPort(network)).isEqualTo("10.0.0.11");
    }

    @Test
    void anExplicitAddressOutsideTheCidr_isRefused() {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        SubnetView subnet = vim.subnets().create(network.id(), Optional.empty(), "sub", "10.0.0.0/24", GatewayChoice.defaultGateway(), List.of());

        assertRefused(() -> createPort(network, Optional.of(FixedIpRequest.address("10.9.9.9"))), 400,
                "InvalidIpForNetwork", null);
        assertRefused(() -> createPort(network, Optional.of(new FixedIpRequest(subnet.id(), "10.9.9.9"))), 400,
                "InvalidIpForSubnet", null);
        assertRefused(() -> createPort(network, Optional.of(FixedIpRequest.address("10.0.0.255"))), 400,
                "InvalidIpForNetwork", null);
        assertRefused(() -> createPort(network, Optional.of(FixedIpRequest.address("not-an-ip"))), 400,
                "InvalidInput", null);
        assertThat(vim.ports().list(Optional.empty())).isEmpty();
    }

    // --- subnets: pools, gateway, overlap --------------------------------------------------------

    @Test
    void defaultPools_excludeTheFirstAndLastAddressAndTheGateway() {
        NetworkView network = vim.networks().create("net", PROJECT, false);

        SubnetView usual = vim.subnets().create(network.id(), Optional.empty(), "a", "10.0.0.0/24", GatewayChoice.of("10.0.0.1"), List.of());
        SubnetView middle = vim.subnets().create(network.id(), Optional.empty(), "b", "10.0.1.0/24", GatewayChoice.of("10.0.1.100"), List.of());
        SubnetView none = vim.subnets().create(network.id(), Optional.empty(), "c", "10.0.2.0/24", GatewayChoice.none(), List.of());
        SubnetView byDefault = vim.subnets().create(network.id(), Optional.empty(), "d", "10.0.3.0/24", GatewayChoice.defaultGateway(), List.of());

        assertThat(usual.allocationPools()).containsExactly(range("10.0.0.2", "10.0.0.254"));
        assertThat(middle.allocationPools()).containsExactly(range("10.0.1.1", "10.0.1.99"), range("10.0.1.101", "10.0.1.254"));
        assertThat(none.gatewayIp()).isNull();
        assertThat(none.allocationPools()).containsExactly(range("10.0.2.1", "10.0.2.254"));
        assertThat(byDefault.gatewayIp()).isEqualTo("10.0.3.1");
        assertThat(byDefault.allocationPools()).containsExactly(range("10.0.3.2", "10.0.3.254"));
        assertThat(usual.ipVersion()).isEqualTo(4);
        assertThat(usual.enableDhcp()).isTrue();
        assertThat(vim.networks().get(network.id()).subnetIds())
                .containsExactly(usual.id(), middle.id(), none.id(), byDefault.id());
    }

    @Test
    void aGatewayInsideAPool_isAConflict() {
        NetworkView network = vim.networks().create("net", PROJECT, false);

        assertRefused(() -> vim.subnets().create(network.id(), Optional.empty(), "sub", "10.0.0.0/24", GatewayChoice.of("10.0.0.15"),
                List.of(range("10.0.0.10", "10.0.0.20"))), 409, "GatewayConflictWithAllocationPools",
                "Gateway ip 10.0.0.15 conflicts with allocation pool 10.0.0.10-10.0.0.20");
        SubnetView subnet = vim.subnets().create(network.id(), Optional.empty(), "sub", "10.0.0.0/24", GatewayChoice.of("10.0.0.1"),
                List.of(range("10.0.0.10", "10.0.0.20")));
        assertRefused(() -> vim.subnets().update(subnet.id(), Optional.empty(), Optional.of(List.of(range("10.0.0.1", "10.0.0.5")))),
                409, "GatewayConflictWithAllocationPools", null);
        assertThat(vim.subnets().get(subnet.id()).allocationPools()).containsExactly(range("10.0.0.10", "10.0.0.20"));
    }

    @Test
    void badSubnets_areInvalidInput() {
        NetworkView network = vim.networks().create("net", PROJECT, false);

        assertRefused(() -> createSubnet(network, "10.0.0.0/33", List.of()), 400, "InvalidInput", null);
        assertRefused(() -> createSubnet(network, "nonsense", List.of()), 400, "InvalidInput", null);
        assertRefused(() -> createSubnet(network, "10.0.0.0", List.of()), 400, "InvalidInput", null);
        assertRefused(() -> createSubnet(network, "10.0.0.1/24", List.of()), 400, "InvalidInput",
                "Invalid input for operation: '10.0.0.1/24' isn't a recognized IP subnet cidr, '10.0.0.0/24' is recommended.");
        assertRefused(() -> createSubnet(network, "10.0.0.0/24", List.of(range("10.0.1.10", "10.0.1.20"))),
                400, "OutOfBoundsAllocationPool",
                "The allocation pool 10.0.1.10-10.0.1.20 spans beyond the subnet cidr 10.0.0.0/24.");
        assertRefused(() -> createSubnet(network, "10.0.0.0/24", List.of(range("10.0.0.250", "10.0.0.255"))),
                400, "OutOfBoundsAllocationPool", null);
        assertRefused(() -> createSubnet(network, "10.0.0.0/24", List.of(range("10.0.0.10", "10.0.0.20"), range("10.0.0.20", "10.0.0.30"))),
                400, "OverlappingAllocationPools", null);
        assertRefused(() -> createSubnet(network, "10.0.0.0/24", List.of(range("fd00::10", "fd00::20"))),
                400, "InvalidAllocationPool", null);
        assertRefused(() -> vim.subnets().create(network.id(), Optional.empty(), "s", "10.0.0.0/24", GatewayChoice.of("10.0.0.0"), List.of()),
                400, "InvalidInput", null);
        assertRefused(() -> vim.subnets().create(network.id(), Optional.empty(), "s", "10.0.0.0/24", GatewayChoice.of("fd00::1"), List.of()),
                400, "InvalidInput", null);
        assertRefused(() -> EmbeddedVim.allocationPool("10.0.0.20", "10.0.0.10"), 400, "InvalidAllocationPool", null);
        assertThat(vim.subnets().list(Optional.empty())).isEmpty();
        assertThat(vim.networks().get(network.id()).subnetIds()).isEmpty();
    }

    @Test
    void subnetsOfOneNetwork_mustNotOverlap_butThoseOfDifferentNetworksMay() {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        NetworkView other = vim.networks().create("other", PROJECT, false);
        createSubnet(network, "10.0.0.0/24", List.of());

        assertRefused(() -> createSubnet(network, "10.0.0.128/25", List.of()), 400, "InvalidInput",
                "Invalid input for operation: Requested subnet with cidr: 10.0.0.128/25 for network: " + network.id()
                        + " overlaps with another subnet.");
        SubnetView same = createSubnet(other, "10.0.0.0/24", List.of());

        assertThat(same.cidr()).isEqualTo(Cidr.of("10.0.0.0/24"));
        assertThat(vim.subnets().list(Optional.of(other.id()))).containsExactly(same);
    }

    @Test
    void updatingPools_neverTouchesPorts() {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        SubnetView subnet = createSubnet(network, "10.0.0.0/24", List.of(range("10.0.0.10", "10.0.0.20")));
        PortView port = createPort(network, Optional.empty());

        SubnetView updated = vim.subnets().update(subnet.id(), Optional.of("renamed"),
                Optional.of(List.of(range("10.0.0.100", "10.0.0.110"))));

        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.allocationPools()).containsExactly(range("10.0.0.100", "10.0.0.110"));
        assertThat(vim.ports().get(port.id())).isEqualTo(port);
        assertThat(vmPort(network)).isEqualTo("10.0.0.100");
    }

    // --- deletion --------------------------------------------------------------------------------

    @Test
    void aNetworkWithUserPorts_isInUse_whileVimOwnedPortsGoWithIt() {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        SubnetView subnet = createSubnet(network, "10.0.0.0/24", List.of());
        PortView dhcp = vim.ports().create(network.id(), Optional.empty(), "dhcp", "network:dhcp", "dhcp-host", Optional.empty());
        PortView user = createPort(network, Optional.empty());

        assertRefused(() -> vim.networks().delete(network.id()), 409, "NetworkInUse",
                "Unable to complete operation on network " + network.id()
                        + ". There are one or more ports still in use on the network.");
        assertThatThrownBy(() -> vim.deleteNetwork(NetworkId.of(network.id())))
                .isInstanceOf(VimException.class)
                .hasCauseInstanceOf(EmbeddedVimException.class);

        vim.ports().delete(user.id());
        vim.networks().delete(network.id());

        assertThat(vim.networks().list()).isEmpty();
        assertRefused(() -> vim.subnets().get(subnet.id()), 404, "SubnetNotFound", null);
        assertRefused(() -> vim.ports().get(dhcp.id()), 404, "PortNotFound", null);
    }

    @Test
    void aSubnetWithUserAddresses_isInUse() {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        SubnetView subnet = createSubnet(network, "10.0.0.0/24", List.of());
        PortView user = createPort(network, Optional.empty());
        PortView dhcp = vim.ports().create(network.id(), Optional.empty(), "dhcp", "network:dhcp", "dhcp-host", Optional.empty());

        assertRefused(() -> vim.subnets().delete(subnet.id()), 409, "SubnetInUse",
                "Unable to complete operation on subnet " + subnet.id()
                        + ": One or more ports have an IP allocation from this subnet.");

        vim.ports().delete(user.id());
        vim.subnets().delete(subnet.id());

        assertThat(vim.networks().get(network.id()).subnetIds()).isEmpty();
        assertThat(vim.ports().get(dhcp.id()).fixedIps()).isEmpty();
    }

    @Test
    void unknownIds_areNotFound_withNeutronsMessages() {
        assertRefused(() -> vim.networks().get("nope"), 404, "NetworkNotFound", "Network nope could not be found.");
        assertThat(vim.networks().find("nope")).isEmpty();
        assertRefused(() -> vim.networks().delete("nope"), 404, "NetworkNotFound", null);
        assertRefused(() -> vim.subnets().get("nope"), 404, "SubnetNotFound", "Subnet nope could not be found.");
        assertRefused(() -> vim.ports().get("nope"), 404, "PortNotFound", "Port nope could not be found.");
        assertRefused(() -> vim.ports().delete("nope"), 404, "PortNotFound", null);
        assertRefused(() -> createSubnet(new NetworkView("nope", "", PROJECT, false, List.of(), true, "ACTIVE", null, null, "", 1),
                "10.0.0.0/24", List.of()), 404, "NetworkNotFound", null);
    }

    @Test
    void renaming_networksAndPorts() {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        PortView port = createPort(network, Optional.empty());

        assertThat(vim.networks().update(network.id(), Optional.of("renamed"), Optional.empty()).name()).isEqualTo("renamed");
        assertThat(vim.networks().update(network.id(), Optional.empty(), Optional.empty()).name()).isEqualTo("renamed");
        assertThat(vim.ports().update(port.id(), Optional.of("eth0")).name()).isEqualTo("eth0");
        assertThat(vim.ports().get(port.id()).macAddress()).isEqualTo(port.macAddress()).startsWith("fa:16:3e:");
    }

    // --- the Vim port's error mapping ------------------------------------------------------------

    @Test
    void vimPortFailures_areVimExceptionsNamingTheRegion_andLeaveNothingBehind() {
        SubnetSpec bad = new SubnetSpec(Cidr.of("10.0.0.0/24"), "10.0.0.1", List.of(range("10.0.1.1", "10.0.1.5")));

        assertThatThrownBy(() -> vim.createNetworkWithSubnet("bad", PROJECT, bad))
                .isInstanceOf(VimException.class)
                .hasMessageContaining("RegionOne")
                .hasMessageContaining("spans beyond the subnet cidr")
                .cause().isInstanceOfSatisfying(EmbeddedVimException.class,
                        e -> assertThat(e.type()).isEqualTo("OutOfBoundsAllocationPool"));
        assertThat(vim.networks().list()).isEmpty();
        assertThat(vim.allSubnets()).isEmpty();
        assertThatThrownBy(() -> vim.updateAllocationPools("nope", List.of()))
                .isInstanceOf(VimException.class)
                .hasMessageContaining("Subnet nope could not be found.");
    }

    @Test
    void aNullGatewayInASubnetSpec_meansNoGateway() {
        VimNetwork network = vim.createNetworkWithSubnet("n", PROJECT, new SubnetSpec(Cidr.of("10.0.0.0/24"), null, List.of()));

        assertThat(vim.subnetsOf(network.id()).getFirst().gatewayIp()).isNull();
        assertThat(vim.subnetsOf(network.id()).getFirst().allocationPools()).containsExactly(range("10.0.0.1", "10.0.0.254"));
    }

    // --- persistence -----------------------------------------------------------------------------

    @Test
    void theSnapshot_restoresEverything_andAllocationContinuesWithoutReuse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state").resolve("regionone.json");
        EmbeddedVim first = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        NetworkView network = first.networks().create("net", PROJECT, false);
        first.subnets().create(network.id(), Optional.empty(), "sub", "10.0.0.0/24", GatewayChoice.defaultGateway(),
                List.of(range("10.0.0.10", "10.0.0.20")));
        first.createNetworkWithSubnet("v6", PROJECT, new SubnetSpec(Cidr.of("fd00:1::/64"), "fd00:1::1", List.of()));
        first.ports().create(network.id(), Optional.empty(), "a", "compute:nova", "vm-a", Optional.empty());
        PortView b = first.ports().create(network.id(), Optional.empty(), "b", "compute:nova", "vm-b", Optional.empty());
        first.ports().create(network.id(), Optional.empty(), "c", "compute:nova", "vm-c", Optional.of(FixedIpRequest.address("10.0.0.200")));
        first.ports().delete(b.id());

        Path log = file.resolveSibling("regionone.json.log");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("a few changes are in the change log; no snapshot was due yet").containsExactly(log);
        }

        EmbeddedVim second = new EmbeddedVim(REGION, PROJECT, Optional.of(file));

        assertThat(second.networks().list()).isEqualTo(first.networks().list());
        assertThat(second.subnets().list(Optional.empty())).isEqualTo(first.subnets().list(Optional.empty()));
        assertThat(second.ports().list(Optional.empty())).isEqualTo(first.ports().list(Optional.empty()));
        assertThat(second.allSubnets()).isEqualTo(first.allSubnets());
        PortView next = second.ports().create(network.id(), Optional.empty(), "d", "compute:nova", "vm-d", Optional.empty());
        PortView after = second.ports().create(network.id(), Optional.empty(), "e", "compute:nova", "vm-e", Optional.empty());
        assertThat(next.fixedIps().getFirst().ipAddress()).isEqualTo("10.0.0.11");
        assertThat(after.fixedIps().getFirst().ipAddress()).isEqualTo("10.0.0.12");
        assertRefused(() -> second.ports().create(network.id(), Optional.empty(), "f", "compute:nova", "vm-f",
                Optional.of(FixedIpRequest.address("10.0.0.200"))), 409, "IpAddressAlreadyAllocated", null);
        assertThat(new EmbeddedVim(REGION, PROJECT, Optional.of(file)).ports().list(Optional.empty())).hasSize(4);
    }

    @Test
    void withoutASnapshotFile_stateIsInMemoryOnly(@TempDir Path dir) throws Exception {
        vim.networks().create("net", PROJECT, false);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(new EmbeddedVim(REGION, PROJECT, Optional.of(dir.resolve("absent.json"))).networks().list()).isEmpty();
    }

    // --- concurrency -----------------------------------------------------------------------------

    @Test
    void concurrentPortCreation_givesUniqueAddresses() throws Exception {
        NetworkView network = vim.networks().create("net", PROJECT, false);
        createSubnet(network, "10.0.0.0/24", List.of());
        int threads = 8;
        int portsPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    List<String> ips = new ArrayList<>();
                    for (int i = 0; i < portsPerThread; i++) {
                        ips.add(vmPort(network));
                    }
                    return ips;
                });
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : pool.invokeAll(tasks)) {
                all.addAll(result.get());
            }

            assertThat(all).hasSize(threads * portsPerThread).doesNotHaveDuplicates();
            assertThat(vim.ports().list(Optional.of(network.id()))).hasSize(threads * portsPerThread);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static IpRange range(String start, String end) {
        return EmbeddedVim.allocationPool(start, end);
    }

    private SubnetView createSubnet(NetworkView network, String cidr, List<IpRange> pools) {
        return vim.subnets().create(network.id(), Optional.empty(), "sub", cidr, GatewayChoice.defaultGateway(), pools);
    }

    private PortView createPort(NetworkView network, Optional<FixedIpRequest> fixedIp) {
        return vim.ports().create(network.id(), Optional.empty(), "port", "compute:nova", "vm", fixedIp);
    }

    /** Creates a VM's port and answers its one address. */
    private String vmPort(NetworkView network) {
        return createPort(network, Optional.empty()).fixedIps().getFirst().ipAddress();
    }

    private static void assertRefused(ThrowingCallable call, int status, String type, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(EmbeddedVimException.class, e -> {
                    assertThat(e.status()).as("status").isEqualTo(status);
                    assertThat(e.type()).as("type").isEqualTo(type);
                    if (message != null) {
                        assertThat(e.getMessage()).isEqualTo(message);
                    }
                });
    }
}
