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

    /** Creates a port that is up, with a random MAC: see {@link #create(NewPort)}. */
    public PortView create(String networkId, Optional<String> project, String name, String deviceOwner,
                           String deviceId, Optional<FixedIpRequest> fixedIp) {
        return create(NewPort.of(networkId, project, name, deviceOwner, deviceId, fixedIp));
    }

    /**
     * Creates a port. Without {@code fixedIps} it gets Neutron's choice of addresses (see {@link NewPort}),
     * or none when the network has no subnet.
     *
     * @throws EmbeddedVimException 404 {@code NetworkNotFound}, {@code SubnetNotFound}; 400
     *                              {@code InvalidIpForSubnet}, {@code InvalidIpForNetwork},
     *                              {@code AllocationOnAutoAddressSubnet}, {@code InvalidInput} (also a blank
     *                              project), {@code HTTPBadRequest} (a malformed MAC); 409
     *                              {@code IpAddressAlreadyAllocated}, {@code IpAddressGenerationFailure},
     *                              {@code MacAddressInUse}
     */
    public PortView create(NewPort request) {
        Optional<String> requestedMac = request.macAddress().map(ResourceFields::mac);
        return store.write(state -> {
            NetworkView network = state.requireNetwork(request.networkId());
            String owner = ResourceFields.ownerOf(request.project(), network);
            String mac = requestedMac.orElseGet(() -> newMac(state));
            requireMacFree(state, network.id(), mac, "");
            List<FixedIp> fixedIps = new AddressAllocator(state).addressesFor(network, request.fixedIps(), mac,
                    orEmpty(request.deviceOwner()));
            Instant now = now();
            return state.addPort(new PortView(newId(), orEmpty(request.name()), owner, request.networkId(),
                    orEmpty(request.deviceOwner()), orEmpty(request.deviceId()), mac, fixedIps, request.adminStateUp(),
                    "DOWN", now, now, orEmpty(request.description()), 1));
        });
    }

    /** Renames a port; an empty name changes nothing. */
    public PortView update(String id, Optional<String> name) {
        return update(id, PortChange.named(name));
    }

    /**
     * Changes what the request names; new {@code fixedIps} replace the addresses as {@link PortChange} says.
     *
     * @throws EmbeddedVimException 404 {@code PortNotFound}; as for a create
     */
    public PortView update(String id, PortChange change) {
        Optional<String> requestedMac = change.macAddress().map(ResourceFields::mac);
        return store.write(state -> {
            PortView p = state.requirePort(id);
            String mac = requestedMac.orElse(p.macAddress());
            requireMacFree(state, p.networkId(), mac, p.id());
            String deviceOwner = change.deviceOwner().orElse(p.deviceOwner());
            List<FixedIp> fixedIps = change.fixedIps().isPresent()
                    ? new AddressAllocator(state).addressesAfterUpdate(state.requireNetwork(p.networkId()), p,
                            change.fixedIps().get(), mac, deviceOwner)
                    : p.fixedIps();
            return state.replacePort(new PortView(p.id(), change.name().orElse(p.name()), p.project(), p.networkId(),
                    deviceOwner, change.deviceId().orElse(p.deviceId()), mac, fixedIps,
                    change.adminStateUp().orElse(p.adminStateUp()), p.status(), p.createdAt(), now(),
                    change.description().orElse(p.description()), p.revision() + 1));
        });
    }

    private static void requireMacFree(SiteState state, String networkId, String mac, String portId) {
        if (state.isMacInUseOn(networkId, mac, portId)) {
            throw EmbeddedVimException.conflict("MacAddressInUse", "Unable to complete operation for network "
                    + networkId + ". The mac address " + mac + " is in use.");
        }
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
