package org.diminet.server.auth;

import java.util.Map;
import java.util.Optional;
import org.diminet.core.domain.Region;

/**
 * Which service user speaks for which region on the East-West API: {@code diminet.auth.peer-users},
 * and for a region not listed there the user {@code diminet-<region>} (one service user per site, as
 * OpenStack gives each service its own). A peer's token proves its user; the region it claims must be
 * the one that user speaks for, so a valid peer cannot pass itself off as another site.
 */
public final class PeerRegions {
    private final Map<String, String> userByRegion;

    public PeerRegions(Map<String, String> userByRegion) {
        this.userByRegion = Map.copyOf(userByRegion);
    }

    /** The claimed region, if {@code userName} may speak for it. */
    public Optional<Region> claim(String userName, String claimedRegion) {
        if (claimedRegion == null || claimedRegion.isBlank()) {
            return Optional.empty();
        }
        return userName.equals(userFor(claimedRegion)) ? Optional.of(new Region(claimedRegion)) : Optional.empty();
    }

    public String userFor(String region) {
        return userByRegion.getOrDefault(region, "diminet-" + region);
    }
}
