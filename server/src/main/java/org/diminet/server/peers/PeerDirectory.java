package org.diminet.server.peers;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.diminet.core.domain.Region;

/** Where the other DIMINET sites are: a fixed list from configuration, or Keystone's catalog. */
public interface PeerDirectory {

    /** The regions this site can reach (not itself). */
    Set<Region> regions();

    /** The base URL of a region's DIMINET, if known. */
    Optional<URI> urlOf(Region region);

    /** A fixed directory, e.g. from {@code diminet.peers.*}. */
    static PeerDirectory fixed(Map<Region, URI> sites) {
        Map<Region, URI> copy = new TreeMap<>(sites);
        return new PeerDirectory() {
            @Override
            public Set<Region> regions() {
                return copy.keySet();
            }

            @Override
            public Optional<URI> urlOf(Region region) {
                return Optional.ofNullable(copy.get(region));
            }
        };
    }
}
