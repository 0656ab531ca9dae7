package org.diminet.server.peers;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneSession;

/**
 * Peers discovered in Keystone's service catalog: every region of the catalog but ours, at its
 * {@code intersite} endpoint, or at the network endpoint's host on the DIMINET port when it has none.
 * The session refreshes the catalog periodically and when a region is missing.
 */
public final class CatalogPeerDirectory implements PeerDirectory {
    private final KeystoneSession keystone;
    private final Region local;

    public CatalogPeerDirectory(KeystoneSession keystone, Region local) {
        this.keystone = keystone;
        this.local = local;
    }

    @Override
    public Set<Region> regions() {
        Set<Region> regions = new TreeSet<>(keystone.catalog().regions());
        regions.remove(local);
        return regions;
    }

    @Override
    public Optional<URI> urlOf(Region region) {
        return region.equals(local) ? Optional.empty() : keystone.diminetEndpoint(region);
    }
}
