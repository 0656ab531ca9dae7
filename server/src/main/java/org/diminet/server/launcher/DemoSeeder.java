package org.diminet.server.launcher;

import java.util.ArrayList;
import java.util.List;
import org.diminet.core.domain.Cidr;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.Vim;
import org.diminet.core.vim.VimNetwork;
import org.diminet.core.vim.VimSubnet;
import org.springframework.context.ConfigurableApplicationContext;

/** Gives each demo site a few networks to play with, and prints how to use them. */
final class DemoSeeder {
    private DemoSeeder() {
    }

    /** A seeded network: its name, id and CIDR. */
    record SeededNetwork(String name, String id, String cidr) {
    }

    record SeededSite(DemoCommand.DemoSite site, List<SeededNetwork> networks) {
    }

    /**
     * On a site's first start, creates (in alice's project, {@link LocalIdentity#PROJECT_A}; bob sees none of them) {@code routed-N} (10.N.0.0/24, disjoint across sites: for L3),
     * {@code extendable-N} (192.168.10N.0/24: for L2), and at the second site {@code clashing-2}
     * (10.1.0.128/25, overlapping the first site's routed network: to see an overlap refused).
     */
    static SeededSite seed(DemoCommand.DemoSite site, ConfigurableApplicationContext context) {
        Vim vim = context.getBean(Vim.class);
        if (vim.allSubnets().isEmpty()) {
            int n = site.index();
            create(vim, "routed-" + n, "10." + n + ".0.0/24");
            create(vim, "extendable-" + n, "192.168." + (100 + n) + ".0/24");
            if (n == 2) {
                create(vim, "clashing-2", "10.1.0.128/25");
            }
        }
        List<SeededNetwork> networks = new ArrayList<>();
        for (VimSubnet subnet : vim.allSubnets()) {
            String name = vim.findNetwork(subnet.networkId()).map(VimNetwork::name).orElse("?");
            networks.add(new SeededNetwork(name, subnet.networkId().value(), subnet.cidr().value()));
        }
        return new SeededSite(site, networks);
    }

    private static void create(Vim vim, String name, String cidr) {
        Cidr parsed = new Cidr(cidr);
        vim.createNetworkWithSubnet(name, LocalIdentity.PROJECT_A, new SubnetSpec(parsed, parsed.defaultGateway(), List.of()));
    }

    static void printGuide(List<SeededSite> sites, List<DemoIdentity.DemoToken> tokens, LocalIdentity identity,
                           java.nio.file.Path tokensFile, boolean linux, java.nio.file.Path logFile, boolean verbose) {
        StringBuilder out = new StringBuilder("\n=== DIMINET demo: ").append(sites.size()).append(" sites running ===\n");
        for (SeededSite s : sites) {
            out.append(String.format("%n%-12s %s   (Swagger UI: %s/api/ui, Neutron API: %s/neutron/v2.0/networks)%n",
                    s.site().region(), s.site().url(), s.site().url(), s.site().url()));
            for (SeededNetwork n : s.networks()) {
                out.append(String.format("    %-14s %s  %s%n", n.name(), n.id(), n.cidr()));
            }
        }
        out.append("\nTokens (valid 12 h; also in ").append(tokensFile).append(", with each user's project;")
                .append(" new ones from POST /v3/auth/tokens with the passwords in ")
                .append(tokensFile.resolveSibling(DemoIdentity.IDENTITY_FILE)).append("):\n");
        for (DemoIdentity.DemoToken t : tokens) {
            out.append(String.format("  export %s=%s   # %s, project %s%s%n", t.user().toUpperCase(java.util.Locale.ROOT)
                    + "_TOKEN", t.token(), t.user(), t.project(), t.admin() ? ", admin: sees every project" : ""));
        }
        out.append("The networks above belong to ").append(LocalIdentity.PROJECT_A)
                .append(" (alice); bob's token cannot name them, the admin's can.\n");
        out.append("\nWeb console: open any site's URL above in a browser, e.g. ").append(sites.get(0).site().url())
                .append("/\n  and sign in as ").append(LocalIdentity.ALICE).append(", password ")
                .append(identity.user(LocalIdentity.ALICE).password()).append(", project ").append(LocalIdentity.PROJECT_A)
                .append(" (or ").append(LocalIdentity.BOB).append(" / ").append(identity.user(LocalIdentity.BOB).password())
                .append(", project ").append(LocalIdentity.PROJECT_B).append("; ").append(LocalIdentity.ADMIN).append(" / ")
                .append(identity.user(LocalIdentity.ADMIN).password()).append(", project admin).\n");
        SeededSite first = sites.get(0);
        SeededSite second = sites.get(1);
        out.append("\nTry (L3 routing between RegionOne and RegionTwo):\n")
                .append(String.format("  curl -s -X POST %s/api/intersite-vertical -H \"X-Auth-Token: $ALICE_TOKEN\" -H 'Content-Type: application/json' \\%n"
                                + "    -d '{\"name\":\"demo-l3\",\"type\":\"L3\",\"resources\":[{\"region\":\"%s\",\"network\":\"%s\"},"
                                + "{\"region\":\"%s\",\"network\":\"%s\"}]}'%n",
                        first.site().url(), first.site().region(), idOf(first, "routed-1"),
                        second.site().region(), idOf(second, "routed-2")))
                .append("Try (L2 extension of RegionOne's extendable-1 to every other site):\n")
                .append(String.format("  curl -s -X POST %s/api/intersite-vertical -H \"X-Auth-Token: $ALICE_TOKEN\" -H 'Content-Type: application/json' \\%n"
                                + "    -d '{\"name\":\"demo-l2\",\"type\":\"L2\",\"resources\":[{\"region\":\"%s\",\"network\":\"%s\"}%s]}'%n",
                        first.site().url(), first.site().region(), idOf(first, "extendable-1"),
                        sites.stream().skip(1).map(s -> ",{\"region\":\"" + s.site().region() + "\"}")
                                .reduce("", String::concat)))
                .append(String.format("Or with the client (as alice, through RegionOne; ./diminet service --help for more):%n"
                                + "  export OS_TOKEN=$ALICE_TOKEN DIMINET_URL=%s%n"
                                + "  ./diminet service create demo-l3 --type L3 --resource %s=%s --resource %s=%s%n"
                                + "  ./diminet service list%n",
                        first.site().url(), first.site().region(), idOf(first, "routed-1"),
                        second.site().region(), idOf(second, "routed-2")))
                .append(linux ? "Real packets (linux data plane): each port of a compute:* owner is a machine, the namespace\n"
                        + "  dmn-vm-<region in lower case>-<port id>; e.g. after the L2 example and a port at two sites:\n"
                        + "  ip netns exec dmn-vm-regionone-<port id> ping <the other port's address>\n"
                        + "  (sites: ip netns list | grep dmn-; BGP: vtysh --vty_socket /run/diminet/regionone -c 'show bgp l2vpn evpn summary')\n"
                        : "")
                .append("Health and metrics of each site: <URL>/actuator/health, <URL>/actuator/prometheus\n")
                .append("The sites' logs: ").append(logFile).append(verbose ? " and here.\n"
                        : " (--verbose shows them here too).\nInter-site events follow here, one line each.\n")
                .append("Press Ctrl-C to stop all sites.\n");
        System.out.println(out);
    }

    private static String idOf(SeededSite site, String name) {
        return site.networks().stream().filter(n -> n.name().equals(name)).map(SeededNetwork::id).findFirst().orElse("?");
    }
}
