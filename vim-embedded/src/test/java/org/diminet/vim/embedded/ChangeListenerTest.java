package org.diminet.vim.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.diminet.core.domain.Region;
import org.junit.jupiter.api.Test;

/** A data plane follows the VIM through its change listeners: told of every change made, of none refused. */
class ChangeListenerTest {
    private final EmbeddedVim vim = new EmbeddedVim(new Region("RegionOne"));
    private final AtomicInteger changes = new AtomicInteger();

    @Test
    void everyMadeChangeIsToldOnceAndARefusedOneNever() {
        vim.onChange(changes::incrementAndGet);

        NetworkView network = vim.networks().create("net", "p", false);
        vim.subnets().create(network.id(), Optional.empty(), "sub", "10.5.0.0/24", GatewayChoice.defaultGateway(), java.util.List.of());
        PortView port = vim.ports().create(network.id(), Optional.empty(), "vm", "compute:nova", "", Optional.empty());
        assertThat(changes).as("network, subnet, port").hasValue(3);

        assertThatThrownBy(() -> vim.subnets().create(network.id(), Optional.empty(), "bad", "10.5.0.0/33",
                GatewayChoice.defaultGateway(), java.util.List.of())).isInstanceOf(RuntimeException.class);
        assertThat(changes).as("nothing told of a refused change").hasValue(3);

        vim.ports().delete(port.id());
        assertThat(changes).hasValue(4);
    }

    @Test
    void aListenerSeesTheChangeItIsToldOf() {
        AtomicInteger seen = new AtomicInteger();
        vim.onChange(() -> seen.set(vim.networks().list().size()));
        vim.networks().create("net", "p", false);
        assertThat(seen).hasValue(1);
    }
}
