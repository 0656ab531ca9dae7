package org.diminet.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NamingTest {

    @Test
    void derivedNamesFitLinuxLimitAndCarryThePrefix() {
        for (String prefix : new String[] {"d", "dmn-", "abcdef"}) {
            Naming naming = new Naming(prefix);
            String id = UUID.randomUUID().toString();
            for (String name : new String[] {naming.bridge(id), naming.machinePort(id), naming.wanPort(id),
                    naming.vxlan(16_777_215), naming.uplink(), naming.wanBridge(), naming.gatewayPort(id),
                    naming.routerLeg(), naming.l3Bridge()}) {
                assertThat(name).startsWith(prefix).hasSizeLessThanOrEqualTo(Naming.MAX_INTERFACE_NAME)
                        .matches("[a-z0-9_.-]+");
                assertThat(naming.owns(name)).isTrue();
            }
            assertThat(naming.bridge(id)).hasSize(15);
        }
    }

    @Test
    void namesAreStableAndDistinct() {
        Naming naming = Naming.defaults();
        assertThat(naming.bridge("net-1")).isEqualTo(naming.bridge("net-1")).isNotEqualTo(naming.bridge("net-2"));
        assertThat(naming.bridge("x")).isNotEqualTo(naming.machinePort("x"));
        assertThat(naming.vxlan(100)).isEqualTo("dmn-x100");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.add(naming.bridge("network-" + i))).isTrue();
        }
    }

    @Test
    void hashIsBase32OfSha256() {
        // SHA-256("") starts e3 b0 c4 42: 11100 01110 11000 01100 01000 = 28 14 24 12 8 = "4oymi".
        assertThat(Naming.hash("", 5)).isEqualTo("4oymi");
    }

    @Test
    void badPrefixesAndSuffixesAreRefused() {
        assertThatThrownBy(() -> new Naming("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Naming("toolong")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Naming("Dmn")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Naming.defaults().namespace("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Naming.defaults().vxlan(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Naming.defaults().vxlan(1 << 24)).isInstanceOf(IllegalArgumentException.class);
    }
}
