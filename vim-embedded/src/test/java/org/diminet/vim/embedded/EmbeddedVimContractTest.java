package org.diminet.vim.embedded;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.vim.Vim;
import org.diminet.core.vim.VimContractTest;
import org.diminet.core.vim.VimPort;

class EmbeddedVimContractTest extends VimContractTest {

    private final EmbeddedVim vim = new EmbeddedVim(Region.of("RegionOne"));

    @Override
    protected Vim vim() {
        return vim;
    }

    @Override
    protected VimPort createUserPort(NetworkId network) {
        return vim.ports().create(network.value(), Optional.empty(), "vm", "compute:nova", UUID.randomUUID().toString(), Optional.empty())
                .toVimPort();
    }

    @Override
    protected void deleteUserPort(VimPort port) {
        vim.ports().delete(port.id());
    }

    @Override
    protected List<NetworkId> networksNamed(String name) {
        return vim.networks().list().stream().filter(n -> n.name().equals(name)).map(n -> NetworkId.of(n.id())).toList();
    }
}
