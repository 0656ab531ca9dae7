package org.diminet.vim.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.Region;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.VimNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded VIM's files: a change appends what it touched to the change log, whatever the site holds;
 * the snapshot is rewritten only once the log is as large; a restart reads snapshot and log back; a torn
 * last line (a crash during an append) is dropped; a log that cannot be written undoes the change.
 */
class ChangeLogTest {
    private static final Region REGION = Region.of("RegionOne");
    private static final String PROJECT = "demo";

    @Test
    void aChangeAppendsWhatItTouched_notTheWholeSite(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vim.json");
        Path log = dir.resolve("vim.json.log");
        EmbeddedVim vim = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        VimNetwork network = vim.createNetworkWithSubnet("big", PROJECT,
                new SubnetSpec(Cidr.of("10.0.0.0/16"), "10.0.0.1", List.of()));

        long small = appendedBy(log, () -> port(vim, network, "first"));
        for (int i = 0; i < 3_000; i++) {
            port(vim, network, "p" + i);
        }
        long large = appendedBy(log, () -> port(vim, network, "last"));

        assertThat(large).as("bytes written for one port with 3,000 ports stored vs. with none")
                .isBetween(small - 64, small + 64);
        assertThat(file).as("the log outgrew the minimum: a snapshot was written").exists();
        assertThat(Files.size(log)).as("and the log started again").isLessThan(Files.size(file));

        EmbeddedVim restarted = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        assertThat(restarted.ports().list(Optional.empty())).isEqualTo(vim.ports().list(Optional.empty()));
        assertThat(restarted.networks().list()).isEqualTo(vim.networks().list());
    }

    @Test
    void deletionsAndUpdatesSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve("vim.json");
        EmbeddedVim vim = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        VimNetwork kept = vim.createNetworkWithSubnet("kept", PROJECT, new SubnetSpec(Cidr.of("10.1.0.0/24"), "10.1.0.1", List.of()));
        VimNetwork gone = vim.createNetworkWithSubnet("gone", PROJECT, new SubnetSpec(Cidr.of("10.2.0.0/24"), "10.2.0.1", List.of()));
        PortView a = port(vim, kept, "a");
        port(vim, kept, "b");
        PortView c = port(vim, gone, "c");
        vim.ports().delete(a.id());
        vim.ports().delete(c.id());
        vim.deleteNetwork(gone.id());

        EmbeddedVim restarted = new EmbeddedVim(REGION, PROJECT, Optional.of(file));

        assertThat(restarted.networks().list()).extracting(NetworkView::name).containsExactly("kept");
        assertThat(restarted.ports().list(Optional.empty())).extracting(PortView::name).containsExactly("b");
        assertThat(restarted.subnets().list(Optional.empty())).hasSize(1);
        PortView next = port(restarted, kept, "d");
        assertThat(next.fixedIps().getFirst().ipAddress()).as("a's address is free again, b's is not")
                .isEqualTo(a.fixedIps().getFirst().ipAddress());
    }

    @Test
    void everyNeutronAttribute_survivesARestart_throughTheLogAndTheSnapshot(@TempDir Path dir) {
        Path file = dir.resolve("vim.json");
        EmbeddedVim vim = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        NetworkView network = vim.networks().create(new NewNetwork("n", PROJECT, false, false, "net text"));
        SubnetView v4 = vim.subnets().create(new NewSubnet(network.id(), Optional.empty(), "v4", "10.6.0.0/24",
                GatewayChoice.defaultGateway(), List.of(), false, List.of("10.6.0.53"),
                List.of(new HostRoute("10.99.0.0/16", "10.6.0.254")), null, null, "v4 text"));
        SubnetView v6 = vim.subnets().create(new NewSubnet(network.id(), Optional.empty(), "v6", "2001:db8:6::/64",
                GatewayChoice.defaultGateway(), List.of(), true, List.of(), List.of(), "slaac", "slaac", ""));
        PortView port = vim.ports().create(new NewPort(network.id(), Optional.empty(), "p", "compute:nova", "vm",
                Optional.of(List.of(FixedIpRequest.onSubnet(v4.id()), FixedIpRequest.onSubnet(v4.id()))),
                Optional.of("fa:16:3e:00:00:42"), false, "port text"));
        vim.subnets().update(v4.id(), new SubnetChange(Optional.empty(), Optional.empty(), Optional.of(GatewayChoice.none()),
                Optional.empty(), Optional.of(List.of("10.6.0.54")), Optional.empty(), Optional.of("v4 changed")));
        vim.networks().update(network.id(), new NetworkChange(Optional.empty(), Optional.empty(), Optional.of(true),
                Optional.of("net changed")));

        EmbeddedVim restarted = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        assertThat(restarted.networks().list()).isEqualTo(vim.networks().list());
        assertThat(restarted.subnets().list(Optional.empty())).isEqualTo(vim.subnets().list(Optional.empty()));
        assertThat(restarted.ports().list(Optional.empty())).isEqualTo(vim.ports().list(Optional.empty()));
        SubnetView changed = restarted.subnets().get(v4.id());
        assertThat(changed.gatewayIp()).isNull();
        assertThat(changed.dnsNameservers()).containsExactly("10.6.0.54");
        assertThat(changed.hostRoutes()).containsExactly(new HostRoute("10.99.0.0/16", "10.6.0.254"));
        assertThat(changed.revision()).isEqualTo(2);
        assertThat(restarted.subnets().get(v6.id()).ipv6AddressMode()).isEqualTo("slaac");
        PortView back = restarted.ports().get(port.id());
        assertThat(back.macAddress()).isEqualTo("fa:16:3e:00:00:42");
        assertThat(back.adminStateUp()).isFalse();
        assertThat(back.description()).isEqualTo("port text");
        assertThat(back.fixedIps()).extracting(FixedIp::ipAddress)
                .containsExactly("10.6.0.2", "10.6.0.3", "2001:db8:6:0:f816:3eff:fe00:42");
        assertThat(restarted.networks().get(network.id()).description()).isEqualTo("net changed");
    }

    @Test
    void aCompositeChangeRefusedHalfWay_leavesNothing_inMemoryOrOnDisk(@TempDir Path dir) {
        Path file = dir.resolve("vim.json");
        EmbeddedVim vim = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        assertThatThrownBy(() -> vim.atomically(() -> {
            vim.networks().create("first", PROJECT, false);
            return vim.networks().create("second", " ", false); // a blank project is refused
        })).isInstanceOf(EmbeddedVimException.class);
        assertThat(vim.networks().list()).isEmpty();
        assertThat(new EmbeddedVim(REGION, PROJECT, Optional.of(file)).networks().list()).isEmpty();
    }

    @Test
    void aTornLastLineIsDropped_andTheLogGoesOnAfterIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vim.json");
        Path log = dir.resolve("vim.json.log");
        EmbeddedVim vim = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        VimNetwork network = vim.createNetworkWithSubnet("n", PROJECT, new SubnetSpec(Cidr.of("10.3.0.0/24"), "10.3.0.1", List.of()));
        port(vim, network, "whole");
        Files.writeString(log, Files.readString(log) + "{\"ports\":{\"torn", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);

        EmbeddedVim restarted = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        assertThat(restarted.ports().list(Optional.empty())).extracting(PortView::name).containsExactly("whole");
        port(restarted, network, "after");

        assertThat(new EmbeddedVim(REGION, PROJECT, Optional.of(file)).ports().list(Optional.empty()))
                .extracting(PortView::name).containsExactly("whole", "after");
    }

    @Test
    void damageBeforeTheLastLineIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vim.json");
        Path log = dir.resolve("vim.json.log");
        EmbeddedVim vim = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        VimNetwork network = vim.createNetworkWithSubnet("n", PROJECT, new SubnetSpec(Cidr.of("10.4.0.0/24"), "10.4.0.1", List.of()));
        port(vim, network, "p");
        Files.writeString(log, "garbage\n" + Files.readString(log));

        assertThatThrownBy(() -> new EmbeddedVim(REGION, PROJECT, Optional.of(file)))
                .hasMessageContaining("RegionOne").hasMessageContaining("vim.json.log");
    }

    @Test
    void aLogThatCannotBeWrittenUndoesTheChange(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vim.json");
        Path log = dir.resolve("vim.json.log");
        EmbeddedVim vim = new EmbeddedVim(REGION, PROJECT, Optional.of(file));
        VimNetwork network = vim.createNetworkWithSubnet("n", PROJECT, new SubnetSpec(Cidr.of("10.5.0.0/24"), "10.5.0.1", List.of()));
        PortView kept = port(vim, network, "kept");
        Files.delete(log);
        Files.createDirectory(log); // appending to a directory fails

        assertThatThrownBy(() -> port(vim, network, "lost")).isInstanceOf(EmbeddedVimException.class)
                .hasMessageContaining("Could not write");
        assertThatThrownBy(() -> vim.ports().delete(kept.id())).isInstanceOf(EmbeddedVimException.class);

        assertThat(vim.ports().list(Optional.empty())).extracting(PortView::name).containsExactly("kept");
        Files.delete(log);
        assertThat(port(vim, network, "next").fixedIps().getFirst().ipAddress())
                .as("the address the undone port had is free").isEqualTo("10.5.0.3");
    }

    private static PortView port(EmbeddedVim vim, VimNetwork network, String name) {
        return vim.ports().create(network.id().value(), Optional.empty(), name, "compute:nova", name, Optional.empty());
    }

    private static long appendedBy(Path log, Runnable change) throws Exception {
        long before = Files.exists(log) ? Files.size(log) : 0;
        change.run();
        long after = Files.size(log);
        assertThat(after).as("the change was appended, not folded into a snapshot").isGreaterThan(before);
        return after - before;
    }
}
