package org.diminet.server.web.north;

import org.diminet.server.wire.NetworkView;

import org.diminet.server.wire.NetworkList;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.core.service.InterSiteServiceManager;
import org.diminet.server.auth.RequestIdentity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/networks}: the networks the caller may name in a service, at this site or at a peer.
 * The web console picks a new service's networks from it; a browser talks to one site only, so this
 * site asks the peer (with the user's own token, so the peer decides what the user may see).
 */
@RestController
@Tag(name = "North")
public class NetworksController {
    /** The path, also served on a separate East-West port: a peer asks it there on behalf of a user. */
    public static final String PATH = NetworkList.PATH;

    private final InterSiteServiceManager services;

    public NetworksController(InterSiteServiceManager services) {
        this.services = services;
    }

    @GetMapping(PATH)
    @Operation(summary = "The networks the caller may name in a service, at this site or at another",
            description = "Its project's and shared networks (an admin's: all) with their subnets' CIDRs. 400 for an"
                    + " unknown region (`field` region); 502/503/504 when that region's site fails or cannot be reached.")
    public NetworkList networks(@RequestAttribute(RequestIdentity.CALLER) Caller caller,
                                @Parameter(description = "the site whose networks to list (default: this one)")
                                @RequestParam(name = "region", required = false) String region) {
        Region at = region == null || region.isBlank() ? services.localRegion() : parse(region);
        return new NetworkList(at.name(), services.networksAt(caller, at).stream().map(NetworkView::of).toList());
    }

    private static Region parse(String region) {
        try {
            return new Region(region.trim());
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException("region", e.getMessage());
        }
    }
}
