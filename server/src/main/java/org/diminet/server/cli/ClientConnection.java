package org.diminet.server.cli;

import java.util.Optional;

/**
 * Where DIMINET is and which token to show it, worked out only as far as a command needs: a command
 * that needs no token (the region, the peers) never logs in when {@code --diminet-url} is given.
 *
 * <p>The site: {@code --diminet-url}; else the catalog's {@code intersite} endpoint of
 * {@code --os-region-name} (a DIMINET site's embedded identity lists the site itself); else, when the
 * catalog is empty, the site that issued the token, i.e. the auth URL without {@code /v3}.
 * The token: {@code --os-token}; else a password log-in at {@code --os-auth-url}.
 */
final class ClientConnection {
    private final ConnectionSettings settings;
    private final HttpJson http;
    private IdentityToken identity;

    ClientConnection(ConnectionSettings settings, HttpJson http) {
        this.settings = settings;
        this.http = http;
    }

    /** DIMINET, called with the user's token. */
    NorthClient north() {
        String url = endpoint();
        return new NorthClient(http, url, Optional.of(token()));
    }

    /** DIMINET, called without a token: for what any probe may read. */
    NorthClient anonymousNorth() {
        return new NorthClient(http, endpoint(), Optional.empty());
    }

    private String token() {
        Optional<String> given = settings.get(Setting.TOKEN);
        if (given.isEmpty() && settings.get(Setting.AUTH_URL).isEmpty()) {
            throw new UsageError("no credentials: give " + Setting.TOKEN.howToGive() + ", or "
                    + Setting.AUTH_URL.howToGive() + " with a user and password (or " + Setting.CLOUD.howToGive() + ")");
        }
        return given.isPresent() ? given.get() : identity().token();
    }

    private String endpoint() {
        Optional<String> given = settings.get(Setting.DIMINET_URL);
        if (given.isPresent()) {
            return given.get();
        }
        if (settings.get(Setting.AUTH_URL).isEmpty()) {
            throw new UsageError("which DIMINET site? give " + Setting.DIMINET_URL.howToGive() + ", or "
                    + Setting.AUTH_URL.howToGive() + " to find it in the identity's catalog");
        }
        IdentityToken known = identity();
        String interfaceName = settings.require(Setting.INTERFACE, "to read the catalog");
        return CatalogEndpoint.find(known.catalog(), settings.get(Setting.REGION_NAME), interfaceName)
                .orElseGet(() -> {
                    if (!known.catalog().isEmpty()) {
                        throw new UsageError("the catalog of " + known.identityUrl() + " has no '"
                                + CatalogEndpoint.SERVICE_TYPE + "' endpoint: give " + Setting.DIMINET_URL.howToGive());
                    }
                    return known.identityUrl().substring(0, known.identityUrl().length() - "/v3".length());
                });
    }

    /** Logs in once (or reads the given token's catalog once) per command. */
    private IdentityToken identity() {
        if (identity == null) {
            IdentityClient client = new IdentityClient(http, settings.require(Setting.AUTH_URL, "to log in"));
            Optional<String> given = settings.get(Setting.TOKEN);
            identity = given.isPresent() ? client.inspect(given.get()) : client.logIn(settings);
        }
        return identity;
    }
}
