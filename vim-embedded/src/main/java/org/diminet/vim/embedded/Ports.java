package org.diminet.vim.embedded;

import static org.diminet.vim.embedded.ResourceFields.newId;
import static org.diminet.vim.embedded.ResourceFields.now;
import static org.diminet.vim.embedded.ResourceFields.orEmpty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Neutron's {@code /v2.0/ports}. Errors are {@link EmbeddedVimException}s. */
public final class Ports {

    private final SiteStore store;

    Ports(SiteStore store) {
        this.store = store;
    }

    /** The ports, in creation order, of one network when {@code networkId} is given. */
    public List<PortView> list(Optional<String> networkId) {
        return store.read(state -> state.ports().stream()
                .filter(p -> networkId.map(p.networkId()::equals).orElse(true))
                .toList());
    }

    /** @throws EmbeddedVimException 404 {@code PortNotFound} */
    public PortView get(String id) {
        return store.read(state -> state.requirePort(id));
    }

    /**
     * Creates a port. Without {@code fixedIp} it gets the lowest free pool address of the network's
     * first subnet that has one, or no address when the network has no subnet.
     *
     * @param project     the project that will own it; empty for the network's. Neutron gives a port the
     *                    creating project, which on another project's shared network is not the network's
     * @param deviceOwner e.g. {@code compute:nova} for a VM; {@code network:…} marks a VIM-owned port
     * @throws EmbeddedVimException 404 {@code NetworkNotFound}; 400 {@code InvalidIpForSubnet},
     *                              {@code InvalidIpForNetwork}, {@code InvalidInput} (also a blank project);
     *                              409 {@code IpAddressAlreadyAllocated}, {@code IpAddressGenerationFailure}
     */
    public PortView create(String networkId, Optional<String> project, String name, String deviceOwner,
                           String deviceId, Optional<FixedIpRequest> fixedIp) {
        return store.write(state -> {
            NetworkView network = state.requireNetwork(networkId);
            String owner = ResourceFields.ownerOf(project, network);
            List<FixedIp> fixedIps = new AddressAllocator(state).addressesFor(network, fixedIp);
            Instant now = now();
            return state.addPort(new PortView(newId(), orEmpty(name), owner, networkId, orEmpty(deviceOwner),
                    orEmpty(deviceId), newMac(state), fixedIps, true, "DOWN", now, now));
        });
    }

    /** Renames a port; an empty name changes nothing. */
    public PortView update(String id, Optional<String> name) {
        return store.write(state -> {
            PortView p = state.requirePort(id);
            return state.replacePort(new PortView(p.id(), name.orElse(p.name()), p.project(), p.networkId(),
                    p.deviceOwner(), p.deviceId(), p.macAddress(), p.fixedIps(), p.adminStateUp(), p.status(),
                    p.createdAt(), now()));
        });
    }

    /**
     * Deletes a port and frees its addresses.
     *
     * @throws EmbeddedVimException 404 {@code PortNotFound}; 409 {@code ServicePortInUse} for a router's port
     */
    public void delete(String id) {
        store.change(state -> {
            new RouterPorts(state).requireDeletableThroughPortApi(state.requirePort(id));
            state.removePort(id);
        });
    }

    /** A random MAC with OpenStack's {@code fa:16:3e} prefix that no port of this site has yet. */
    static String newMac(SiteState state) {
        while (true) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String mac = String.format("fa:16:3e:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
            if (!state.isMacInUse(mac)) {
                return mac;
            }
        }
    }
}
