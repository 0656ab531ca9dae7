package org.diminet.vim.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routers in the embedded VIM: interfaces take the subnets' gateway addresses and keep subnets, networks and
 * ports in use as in Neutron; gateways go only on external networks; everything survives a restart from the
 * snapshot and change log, and a router change logs only what it touched.
 */
class RoutersTest {
    private static final Region REGION = Region.of("RegionOne");
    private static final String PROJECT = "project-a";

    private final EmbeddedVim vim = new EmbeddedVim(REGION);

    @Test
    void anInterfaceBySubnet_takesTheGateway_andKeepsItsSubnetNetworkAndRouterInUse() {
        NetworkView network = vim.networks().create("blue", PROJECT, false);
        SubnetView subnet = subnet(network, "10.0.0.0/24");
        RouterView router = vim.routers().create("edge", PROJECT, true, "", Optional.empty());

        RouterInterface added = vim.routers().addSubnetInterface(router.id(), subnet.id());

        PortView port = vim.ports().get(added.portId());
        assertThat(port.deviceOwner()).isEqualTo("network:router_interface");
        assertThat(port.deviceId()).isEqualTo(router.id());
        assertThat(port.project()).isEqualTo(PROJECT);
        assertThat(port.fixedIps()).containsExactly(new FixedIp(subnet.id(), "10.0.0.1"));
        assertThat(added.subnetIds()).containsExactly(subnet.id());
        assertThat(vim.routers().get(router.id()).revision()).isEqualTo(2);
        assertError(() -> vim.routers().delete(router.id()), 409, "RouterInUse",
                "Router " + router.id() + " has ports still attached: " + port.id());
        assertError(() -> vim.subnets().delete(subnet.id()), 409, "SubnetInUse", null);
        assertError(() -> vim.networks().delete(network.id()), 409, "NetworkInUse", null);
        assertError(() -> vim.ports().delete(port.id()), 409, "ServicePortInUse", "Port " + port.id()
                + " cannot be deleted directly via the port API: has device owner network:router_interface.");
        assertError(() -> vim.routers().addSubnetInterface(router.id(), subnet.id()), 400, "BadRequest",
                "Bad router request: Router already has a port on subnet " + subnet.id() + ".");

        RouterInterface removed = vim.routers().removeInterface(router.id(), Optional.empty(), Optional.of(subnet.id()));

        assertThat(removed.portId()).isEqualTo(port.id());
        assertThat(vim.ports().list(Optional.empty())).isEmpty();
        vim.routers().delete(router.id());
        vim.networks().delete(network.id());
        assertThat(vim.routers().list()).isEmpty();
    }

    @Test
    void interfacesAreRefusedAsNeutronRefusesThem() {
        NetworkView network = vim.networks().create("blue", PROJECT, false);
        SubnetView subnet = subnet(network, "10.0.0.0/24");
        SubnetView noGateway = vim.subnets().create(network.id(), Optional.empty(), "n", "10.9.0.0/24",
                GatewayChoice.none(), List.of());
        NetworkView other = vim.networks().create("green", PROJECT, false);
        SubnetView overlapping = subnet(other, "10.0.0.0/25");
        NetworkView empty = vim.networks().create("empty", PROJECT, false);
        RouterView router = vim.routers().create("edge", PROJECT, true, "", Optional.empty());
        vim.routers().addSubnetInterface(router.id(), subnet.id());

        assertError(() -> vim.routers().addSubnetInterface(router.id(), noGateway.id()), 400, "BadRequest",
                "Bad router request: Subnet for router interface must have a gateway IP.");
        assertError(() -> vim.routers().addSubnetInterface(router.id(), overlapping.id()), 400, "BadRequest",
                "Bad router request: Cidr 10.0.0.0/25 of subnet " + overlapping.id() + " overlaps with cidr 10.0.0.0/24"
                        + " of subnet " + subnet.id() + ".");
        PortView used = vim.ports().create(other.id(), Optional.empty(), "vm", "compute:nova", "vm-1", Optional.empty());
        assertError(() -> vim.routers().addPortInterface(router.id(), used.id()), 409, "PortInUse", null);
        PortView addressless = vim.ports().create(empty.id(), Optional.empty(), "p", "", "", Optional.empty());
        assertError(() -> vim.routers().addPortInterface(router.id(), addressless.id()), 400, "BadRequest",
                "Bad router request: Router port must have at least one fixed IP.");
        assertError(() -> vim.routers().removeInterface(router.id(), Optional.empty(), Optional.of(noGateway.id())),
                404, "RouterInterfaceNotFoundForSubnet", null);
        assertError(() -> vim.routers().removeInterface(router.id(), Optional.of(used.id()), Optional.empty()),
                404, "RouterInterfaceNotFound", null);
        assertError(() -> vim.routers().get(network.id()), 404, "RouterNotFound",
                "Router " + network.id() + " could not be found");
    }

    @Test
    void routes_goThroughASubnetTheRouterIsOn_andKeepItsInterface() {
        NetworkView network = vim.networks().create("blue", PROJECT, false);
        SubnetView subnet = subnet(network, "10.0.0.0/24");
        RouterView router = vim.routers().create("edge", PROJECT, true, "", Optional.empty());
        RouterView.Route route = new RouterView.Route("10.9.0.0/24", "10.0.0.99");

        assertError(() -> setRoutes(router, route), 400, "InvalidRoutes", "Invalid format for routes: [{'destination':"
                + " '10.9.0.0/24', 'nexthop': '10.0.0.99'}], the nexthop is not connected with router");
        vim.routers().addSubnetInterface(router.id(), subnet.id());
        assertError(() -> setRoutes(router, new RouterView.Route("10.9.0.0/24", "10.0.0.1")), 400, "InvalidRoutes",
                "Invalid format for routes: [{'destination': '10.9.0.0/24', 'nexthop': '10.0.0.1'}], the nexthop is used"
                        + " by router");

        assertThat(setRoutes(router, route).routes()).containsExactly(route);
        assertError(() -> vim.routers().removeInterface(router.id(), Optional.empty(), Optional.of(subnet.id())), 409,
                "RouterInterfaceInUseByRoute", "Router interface for subnet " + subnet.id() + " on router " + router.id()
                        + " cannot be deleted, as it is required by one or more routes.");
        assertThat(setRoutes(router).routes()).isEmpty();
        vim.routers().removeInterface(router.id(), Optional.empty(), Optional.of(subnet.id()));
    }

    @Test
    void anotherProjectsRouterOnASharedNetwork_doesNotKeepItShared_asInNeutron() {
        NetworkView shared = vim.networks().create("public", "admin", true);
        SubnetView subnet = subnet(shared, "10.0.0.0/24");
        RouterView router = vim.routers().create("edge", PROJECT, true, "", Optional.empty());
        vim.routers().addSubnetInterface(router.id(), subnet.id());

        assertThat(vim.networks().update(shared.id(), Optional.empty(), Optional.of(false)).shared()).isFalse();
    }

    @Test
    void aPortBecomesAnInterface_andGoesWithIt() {
        NetworkView network = vim.networks().create("blue", PROJECT, false);
        SubnetView subnet = subnet(network, "10.0.0.0/24");
        PortView port = vim.ports().create(network.id(), Optional.empty(), "p", "", "", Optional.empty());
        RouterView router = vim.routers().create("edge", PROJECT, true, "", Optional.empty());

        RouterInterface added = vim.routers().addPortInterface(router.id(), port.id());

        assertThat(added.portId()).isEqualTo(port.id());
        assertThat(added.subnetId()).isEqualTo(subnet.id());
        assertThat(vim.ports().get(port.id()).deviceOwner()).isEqualTo("network:router_interface");
        assertThat(vim.routers().interfaces(router.id())).extracting(PortView::id).containsExactly(port.id());
        assertError(() -> vim.routers().removeInterface(router.id(), Optional.of(port.id()), Optional.of(network.id())),
                400, "SubnetMismatchForPort", null);

        vim.routers().removeInterface(router.id(), Optional.of(port.id()), Optional.empty());

        assertError(() -> vim.ports().get(port.id()), 404, "PortNotFound", null);
    }

    @Test
    void aSecondIpv6SubnetOfOneNetwork_joinsTheRoutersIpv6Port() {
        NetworkView network = vim.networks().create("v6", PROJECT, false);
        SubnetView first = subnet(network, "fd00:1::/64");
        SubnetView second = subnet(network, "fd00:2::/64");
        RouterView router = vim.routers().create("edge", PROJECT, true, "", Optional.empty());

        RouterInterface one = vim.routers().addSubnetInterface(router.id(), first.id());
        RouterInterface two = vim.routers().addSubnetInterface(router.id(), second.id());

        assertThat(two.portId()).isEqualTo(one.portId());
        assertThat(two.subnetIds()).containsExactly(second.id());
        assertThat(vim.ports().get(one.portId()).fixedIps()).extracting(FixedIp::subnetId).containsExactly(first.id(), second.id());
        vim.routers().removeInterface(router.id(), Optional.empty(), Optional.of(first.id()));
        assertThat(vim.ports().get(one.portId()).fixedIps()).extracting(FixedIp::subnetId).containsExactly(second.id());
        vim.subnets().delete(first.id());
    }

    @Test
    void aGateway_goesOnlyOnAnExternalNetwork_andHoldsItUntilRemoved() {
        NetworkView internal = vim.networks().create("blue", PROJECT, false);
        NetworkView external = vim.networks().create("public", "admin", false);
        SubnetView publicSubnet = subnet(external, "172.24.4.0/24");
        RouterView router = vim.routers().create("edge", PROJECT, true, "", Optional.empty());

        assertError(() -> setGateway(router, gateway(internal, Optional.empty(), List.of())), 400, "BadRequest",
                "Bad router request: Network " + internal.id() + " is not an external network.");
        vim.externalNetworks().set(external.id(), true);
        RouterView withGateway = setGateway(router, gateway(external, Optional.empty(), List.of()));

        RouterView.Gateway g = withGateway.gateway();
        assertThat(g.networkId()).isEqualTo(external.id());
        assertThat(g.enableSnat()).isTrue();
        assertThat(g.externalFixedIps()).containsExactly(new FixedIp(publicSubnet.id(), "172.24.4.2"));
        PortView port = vim.ports().get(g.portId());
        assertThat(port.deviceOwner()).isEqualTo("network:router_gateway");
        assertThat(port.project()).as("Neutron's gateway port belongs to no project").isEmpty();
        assertError(() -> vim.externalNetworks().set(external.id(), false), 409, "ExternalNetworkInUse", null);
        assertError(() -> setGateway(router, gateway(external, Optional.empty(), List.of(FixedIpRequest.address("172.24.4.1")))),
                400, "BadRequest", "Bad router request: External IP 172.24.4.1 is the same as the gateway IP.");

        RouterView moved = setGateway(router, gateway(external, Optional.of(false), List.of(FixedIpRequest.address("172.24.4.50"))));
        assertThat(moved.gateway().externalFixedIps()).containsExactly(new FixedIp(publicSubnet.id(), "172.24.4.50"));
        assertThat(moved.gateway().enableSnat()).isFalse();
        assertThat(vim.ports().get(g.portId()).fixedIps()).containsExactly(new FixedIp(publicSubnet.id(), "172.24.4.50"));

        vim.routers().delete(router.id());

        assertThat(vim.ports().list(Optional.empty())).as("the gateway port goes with its router").isEmpty();
        vim.externalNetworks().set(external.id(), false);
        vim.networks().delete(external.id());
        assertThat(vim.externalNetworks().ids()).isEmpty();
    }

    @Test
    void routersAndExternalNetworksSurviveARestart_andAChangeLogsOnlyWhatItTouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vim.json");
        Path log = dir.resolve("vim.json.log");
        EmbeddedVim site = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        NetworkView external = site.networks().create("public", "admin", false);
        site.subnets().create(external.id(), Optional.empty(), "pub", "172.24.4.0/24", GatewayChoice.defaultGateway(), List.of());
        site.externalNetworks().set(external.id(), true);
        NetworkView network = site.networks().create("blue", PROJECT, false);
        SubnetView subnet = site.subnets().create(network.id(), Optional.empty(), "s", "10.0.0.0/24",
                GatewayChoice.defaultGateway(), List.of());
        for (int i = 0; i < 50; i++) {
            site.networks().create("filler-" + i, PROJECT, false);
        }
        RouterView router = site.routers().create("edge", PROJECT, true, "the way out",
                Optional.of(gateway(external, Optional.empty(), List.of())));

        long before = Files.size(log);
        site.routers().addSubnetInterface(router.id(), subnet.id());
        String line = Files.readString(log).substring((int) before);

        assertThat(line.strip().lines()).as("one change, one line").hasSize(1);
        assertThat(line).contains(router.id()).doesNotContain("filler-");
        site.routers().update(router.id(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(List.of(new RouterView.Route("10.9.0.0/24", "10.0.0.99"))));
        EmbeddedVim restarted = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        assertThat(restarted.routers().list()).isEqualTo(site.routers().list());
        assertThat(restarted.ports().list(Optional.empty())).isEqualTo(site.ports().list(Optional.empty()));
        assertThat(restarted.externalNetworks().ids()).containsExactly(external.id());
        assertError(() -> restarted.subnets().delete(subnet.id()), 409, "SubnetInUse", null);

        assertThat(restarted.routers().get(router.id()).routes()).hasSize(1);
        restarted.routers().update(router.id(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(List.of()));
        restarted.routers().removeInterface(router.id(), Optional.empty(), Optional.of(subnet.id()));
        restarted.routers().delete(router.id());
        restarted.externalNetworks().set(external.id(), false);
        EmbeddedVim again = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        assertThat(again.routers().list()).isEmpty();
        assertThat(again.externalNetworks().ids()).isEmpty();
        assertThat(again.ports().list(Optional.empty())).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private SubnetView subnet(NetworkView network, String cidr) {
        return vim.subnets().create(network.id(), Optional.empty(), cidr, cidr, GatewayChoice.defaultGateway(), List.of());
    }

    private RouterView setGateway(RouterView router, GatewayRequest gateway) {
        return vim.routers().update(router.id(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Optional.of(gateway)), Optional.empty());
    }

    private RouterView setRoutes(RouterView router, RouterView.Route... routes) {
        return vim.routers().update(router.id(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(List.of(routes)));
    }

    private static GatewayRequest gateway(NetworkView network, Optional<Boolean> snat, List<FixedIpRequest> ips) {
        return new GatewayRequest(network.id(), snat, ips);
    }

    private static void assertError(Runnable call, int status, String type, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(EmbeddedVimException.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.type()).as(e.getMessage()).isEqualTo(type);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }
}
