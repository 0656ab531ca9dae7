package org.diminet.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The kernel primitives against the real kernel: needs root; skipped with the reason otherwise. */
@Tag("linux")
class LinuxPrimitivesTest extends LabTest {

    @Override
    protected void requireHost() {
        LinuxPrerequisites.assumeNamespaces();
    }

    @Test
    void namespacesAreCreatedListedAndDeletedIdempotently() {
        String a = lab.namespace("a");
        String b = lab.namespace("b");
        String mine = Lab.RUN_PREFIX + lab.run;

        net.namespaces().ensure(a);
        net.namespaces().ensure(a);
        net.namespaces().ensure(b);
        assertThat(net.namespaces().list(mine)).containsExactly(a, b);
        assertThat(net.namespaces().list()).contains(a, b);
        assertThat(net.link(a, "lo")).hasValueSatisfying(lo -> assertThat(lo.adminUp()).isTrue());

        net.namespaces().delete(a);
        net.namespaces().delete(a);
        assertThat(net.namespaces().list(mine)).containsExactly(b);
        assertThat(net.namespaces().exists(a)).isFalse();
    }

    @Test
    void deletingANamespaceEndsItsProcesses() {
        String a = lab.namespace("a");
        net.namespaces().ensure(a);
        Thread.ofVirtual().start(() -> {
            try {
                net.namespaces().exec(a, Duration.ofSeconds(30), "sleep", "25");
            } catch (CommandFailedException expected) {
                // killed by delete
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (net.namespaces().pids(a).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        java.util.List<Long> pids = net.namespaces().pids(a);
        assertThat(pids).isNotEmpty();

        net.namespaces().delete(a);

        assertThat(net.namespaces().exists(a)).isFalse();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
    }

    @Test
    void bridgesMachinesAndVxlansAreIdempotentAndReadBack() {
        String site = lab.namespace("s1");
        net.attachToWan(lab.wan, site, "10.255.0.1/24");
        net.attachToWan(lab.wan, site, "10.255.0.1/24");

        String bridge = net.ensureBridge(site, "net-red");
        assertThat(net.ensureBridge(site, "net-red")).isEqualTo(bridge);
        assertThat(net.listBridges(site)).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo(bridge).hasSize(15);
            assertThat(b.alias()).isEqualTo("net-red");
            assertThat(b.adminUp()).isTrue();
        });

        String vx = net.ensureVxlan(site, 100, "10.255.0.1", bridge);
        assertThat(net.ensureVxlan(site, 100, "10.255.0.1", bridge)).isEqualTo(vx);
        assertThat(net.listVxlans(site)).singleElement().isEqualTo(
                new VxlanInfo("dmn-x100", 100, "10.255.0.1", 4789, false, bridge, false, false, true, ""));

        MachineSpec m1 = MachineSpec.of(lab.namespace("m1"), site, bridge, "10.90.0.11/24", "10.90.0.1");
        MachineSpec m2 = new MachineSpec(lab.namespace("m2"), site, bridge, "10.90.0.12/24", null,
                "02:00:00:00:00:12", 1500);
        net.ensureMachine(m1);
        net.ensureMachine(m1);
        net.ensureMachine(m2);
        net.ensureMachine(m2);
        assertThat(net.listMachinePorts(site)).extracting(LinkInfo::alias)
                .containsExactlyInAnyOrder(m1.namespace(), m2.namespace());
        assertThat(net.listMachinePorts(site)).allSatisfy(p -> {
            assertThat(p.master()).isEqualTo(bridge);
            assertThat(p.mtu()).isEqualTo(1500);
        });
        assertThat(net.link(m2.namespace(), "eth0")).hasValueSatisfying(eth -> {
            assertThat(eth.addresses()).containsExactly("10.90.0.12/24");
            assertThat(eth.mac()).isEqualTo("02:00:00:00:00:12");
        });

        // A changed address replaces the old one.
        MachineSpec moved = MachineSpec.of(m1.namespace(), site, bridge, "10.90.0.21/24", "10.90.0.1");
        net.ensureMachine(moved);
        assertThat(net.link(m1.namespace(), "eth0").orElseThrow().addresses()).containsExactly("10.90.0.21/24");

        PingResult local = net.ping(m2.namespace(), "10.90.0.21", 3, Duration.ofMillis(50), Duration.ofSeconds(1));
        assertThat(local.allReceived()).as("ping on one bridge: %s", local).isTrue();

        net.deleteVxlan(site, 100);
        net.deleteVxlan(site, 100);
        assertThat(net.listVxlans(site)).isEmpty();
        net.deleteMachine(m1.namespace());
        net.deleteMachine(m1.namespace());
        assertThat(net.listMachinePorts(site)).extracting(LinkInfo::alias).containsExactly(m2.namespace());
        net.deleteBridge(site, "net-red");
        net.deleteBridge(site, "net-red");
        assertThat(net.listBridges(site)).isEmpty();
    }

    @Test
    void theWanConnectsSitesWithTheUnderlayMtu() {
        String s1 = lab.namespace("s1");
        String s2 = lab.namespace("s2");
        net.attachToWan(lab.wan, s1, "10.255.0.1/24");
        net.attachToWan(lab.wan, s2, "10.255.0.2/24");

        assertThat(net.link(s1, net.naming().uplink())).hasValueSatisfying(up -> {
            assertThat(up.mtu()).isEqualTo(1600);
            assertThat(up.addresses()).containsExactly("10.255.0.1/24");
        });
        assertThat(net.listWanPorts(lab.wan)).extracting(LinkInfo::alias).containsExactlyInAnyOrder(s1, s2);
        assertThat(net.listWanPorts(lab.wan)).allSatisfy(p -> assertThat(p.master()).isEqualTo(net.naming().wanBridge()));

        // 1572 bytes of ICMP payload + 28 = 1600: the underlay carries VXLAN's 50 extra bytes unfragmented.
        String big = net.namespaces().exec(s1, Duration.ofSeconds(10), "ping", "-n", "-q", "-c", "2", "-i", "0.1",
                "-W", "1", "-M", "do", "-s", "1572", "10.255.0.2");
        assertThat(big).contains("2 received");

        // Re-addressing moves the site; cutting its WAN port cuts it off.
        net.attachToWan(lab.wan, s2, "10.255.0.22/24");
        assertThat(net.link(s2, net.naming().uplink()).orElseThrow().addresses()).containsExactly("10.255.0.22/24");
        net.setLinkUp(lab.wan, net.naming().wanPort(s2), false);
        assertThat(net.ping(s1, "10.255.0.22", 1, Duration.ofMillis(200), Duration.ofMillis(300)).noneReceived()).isTrue();
        net.setLinkUp(lab.wan, net.naming().wanPort(s2), true);
        assertThat(net.ping(s1, "10.255.0.22", 1, Duration.ofMillis(200), Duration.ofSeconds(2)).allReceived()).isTrue();

        net.detachFromWan(lab.wan, s2);
        net.detachFromWan(lab.wan, s2);
        assertThat(net.listWanPorts(lab.wan)).extracting(LinkInfo::alias).containsExactly(s1);
        assertThat(net.link(s2, net.naming().uplink())).isEmpty();
    }

    @Test
    void misuseIsReportedWithTheCommand() {
        String site = lab.namespace("s1");
        net.namespaces().ensure(site);
        assertThatThrownBy(() -> net.ensureVxlan(site, 100, "10.255.0.1", "dmn-bnosuch"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no bridge");
        assertThatThrownBy(() -> net.setLinkUp(site, "nosuchdev", true))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> assertThat(e.getMessage())
                        .contains("ip -n " + site + " -batch -").contains("nosuchdev"));
    }
}
