package org.diminet.dataplane.linux;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parts of FRR's running configuration this module manages, read back from
 * {@code show running-config}: the default-VRF {@code router bgp}, its neighbors and its EVPN VNIs. The
 * running configuration says what was configured, unlike the {@code show … json} commands, which mix in
 * automatic values.
 */
record BgpConfig(OptionalLong asn, Map<String, String> neighbors, boolean advertiseAllVni, Map<Long, L2Vni> vnis) {

    static BgpConfig parse(String runningConfig) {
        OptionalLong asn = OptionalLong.empty();
        Map<String, String> neighbors = new LinkedHashMap<>();
        Map<Long, L2Vni> vnis = new TreeMap<>();
        boolean advertiseAll = false;
        boolean inRouter = false;
        boolean inEvpn = false;
        VniBuilder vni = null;
        for (String raw : runningConfig.lines().toList()) {
            String line = raw.strip();
            boolean topLevel = !raw.isEmpty() && !Character.isWhitespace(raw.charAt(0));
            if (topLevel) {
                inRouter = false;
                inEvpn = false;
                vni = null;
                String[] words = line.split("\\s+");
                if (words.length == 3 && words[0].equals("router") && words[1].equals("bgp")) {
                    inRouter = true;
                    asn = OptionalLong.of(Long.parseLong(words[2]));
                }
                continue;
            }
            if (!inRouter) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (!inEvpn) {
                if (words.length == 4 && words[0].equals("neighbor") && words[2].equals("remote-as")) {
                    neighbors.put(words[1], words[3]);
                } else if (line.equals("address-family l2vpn evpn")) {
                    inEvpn = true;
                }
                continue;
            }
            if (vni == null) {
                if (line.equals("exit-address-family")) {
                    inEvpn = false;
                } else if (line.equals("advertise-all-vni")) {
                    advertiseAll = true;
                } else if (words.length == 2 && words[0].equals("vni")) {
                    vni = new VniBuilder(Long.parseLong(words[1]));
                }
                continue;
            }
            if (line.equals("exit-vni")) {
                vnis.put(vni.vni, vni.build());
                vni = null;
            } else if (words.length == 2 && words[0].equals("rd")) {
                vni.rd = Optional.of(RouteDistinguisher.of(words[1]));
            } else if (words.length == 3 && words[0].equals("route-target")) {
                RouteTarget target = RouteTarget.of(words[2]);
                if (!words[1].equals("export")) {
                    vni.imports.add(target);
                }
                if (!words[1].equals("import")) {
                    vni.exports.add(target);
                }
            }
        }
        return new BgpConfig(asn, Collections.unmodifiableMap(neighbors), advertiseAll,
                Collections.unmodifiableMap(vnis));
    }

    private static final class VniBuilder {
        final long vni;
        Optional<RouteDistinguisher> rd = Optional.empty();
        final List<RouteTarget> imports = new ArrayList<>();
        final List<RouteTarget> exports = new ArrayList<>();

        VniBuilder(long vni) {
            this.vni = vni;
        }

        L2Vni build() {
            return new L2Vni(vni, rd, Set.copyOf(imports), Set.copyOf(exports));
        }
    }
}
