package org.diminet.vim.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.VimNetwork;
import org.diminet.core.vim.VimSubnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name and CIDR indexes answer exactly what reading every network and subnet answers: after creates,
 * deletes and a restart from the files, for IPv4 and IPv6 blocks that nest, touch and lie apart.
 */
class IndexedLookupTest {
    private static final Region REGION = Region.of("RegionOne");
    private static final String PROJECT = "demo";

    @Test
    void overlapAndNameLookupsMatchAFullScan(@TempDir Path dir) {
        Random random = new Random(20261202);
        Path file = dir.resolve("vim.json");
        EmbeddedVim vim = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        List<VimNetwork> made = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Cidr cidr = randomCidr(random);
            made.add(vim.createNetworkWithSubnet("net-" + random.nextInt(40), PROJECT,
                    new SubnetSpec(cidr, null, List.of())));
        }
        for (int i = 0; i < 120; i++) {
            vim.deleteNetwork(made.remove(random.nextInt(made.size())).id());
        }
        assertSameAsScan(vim, random);

        EmbeddedVim restarted = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        assertThat(restarted.allSubnets()).hasSize(280);
        assertSameAsScan(restarted, random);
    }

    @Test
    void aBlockIsFoundByItsParentsItsChildrenAndItself() {
        EmbeddedVim vim = new EmbeddedVim(REGION);
        NetworkId wide = vim.createNetworkWithSubnet("wide", PROJECT, spec("10.0.0.0/16")).id();
        NetworkId exact = vim.createNetworkWithSubnet("exact", PROJECT, spec("10.0.1.0/24")).id();
        NetworkId narrow = vim.createNetworkWithSubnet("narrow", PROJECT, spec("10.0.1.128/25")).id();
        vim.createNetworkWithSubnet("beside", PROJECT, spec("10.0.2.0/24"));
        vim.createNetworkWithSubnet("v6", PROJECT, spec("fd00::/64"));

        assertThat(networksOf(vim.subnetsOverlapping(Cidr.of("10.0.1.0/24")))).containsExactlyInAnyOrder(wide, exact, narrow);
        assertThat(networksOf(vim.subnetsOverlapping(Cidr.of("10.0.1.0/26")))).containsExactlyInAnyOrder(wide, exact);
        assertThat(vim.subnetsOverlapping(Cidr.of("10.1.0.0/24"))).isEmpty();
        assertThat(vim.subnetsOverlapping(Cidr.of("fd00::/48"))).hasSize(1);
        assertThat(vim.networksNamed("exact")).extracting(VimNetwork::id).containsExactly(exact);
    }

    private static void assertSameAsScan(EmbeddedVim vim, Random random) {
        for (int i = 0; i < 300; i++) {
            Cidr query = randomCidr(random);
            Set<String> scanned = vim.allSubnets().stream().filter(s -> s.cidr().overlaps(query))
                    .map(VimSubnet::id).collect(Collectors.toSet());
            assertThat(vim.subnetsOverlapping(query)).as("subnets overlapping %s", query)
                    .extracting(VimSubnet::id).containsExactlyInAnyOrderElementsOf(scanned);
        }
        for (int n = 0; n < 40; n++) {
            String name = "net-" + n;
            Set<NetworkId> scanned = vim.networks().list().stream().filter(v -> v.name().equals(name))
                    .map(v -> NetworkId.of(v.id())).collect(Collectors.toSet());
            assertThat(vim.networksNamed(name)).as("networks named %s", name)
                    .extracting(VimNetwork::id).containsExactlyInAnyOrderElementsOf(scanned);
        }
    }

    /** Blocks in a small space, so that many nest and touch: 10.0.0.0/12 in IPv4, fd00::/40 in IPv6. */
    private static Cidr randomCidr(Random random) {
        if (random.nextInt(5) == 0) {
            int length = 40 + random.nextInt(25);
            long bits = random.nextLong() & 0xFFFFFFL; // 24 bits after the /40
            long value = bits << (64 - 40 - 24);
            String hex = String.format("%016x", value);
            String address = "fd00:" + hex.substring(0, 4) + ":" + hex.substring(4, 8) + ":" + hex.substring(8, 12) + "::";
            return block(address + "/" + length);
        }
        int length = 12 + random.nextInt(17);
        int address = (10 << 24) | (random.nextInt(1 << 20) << 0);
        String text = ((address >>> 24) & 255) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "."
                + (address & 255);
        return block(text + "/" + length);
    }

    private static Cidr block(String text) {
        return Cidr.of(new inet.ipaddr.IPAddressString(text).getAddress().toPrefixBlock().toCanonicalString());
    }

    private static SubnetSpec spec(String cidr) {
        return new SubnetSpec(Cidr.of(cidr), null, List.of());
    }

    private static List<NetworkId> networksOf(List<VimSubnet> subnets) {
        return subnets.stream().map(VimSubnet::networkId).toList();
    }
}
