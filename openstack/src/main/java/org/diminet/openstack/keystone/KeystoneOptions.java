package org.diminet.openstack.keystone;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link KeystoneSession} behaves.
 *
 * @param endpointInterface which catalog endpoints to use: {@code public} (default), {@code internal} or
 *                          {@code admin}
 * @param renewMargin       a token is renewed this long before its {@code expires_at} (default 5 min; at most
 *                          half the token's lifetime is used, so short-lived tokens are not renewed on every call)
 * @param catalogRefresh    the catalog is fetched again when it is older than this (default 5 min)
 * @param diminetPort       the port of a region's DIMINET when the catalog has no {@code intersite} endpoint
 *                          for it (default 7575, as the prototype)
 * @param connectTimeout    TCP connect timeout towards Keystone and the services (default 5 s)
 * @param requestTimeout    time allowed for one request's answer (default 30 s)
 */
public record KeystoneOptions(String endpointInterface, Duration renewMargin, Duration catalogRefresh,
                              int diminetPort, Duration connectTimeout, Duration requestTimeout) {

    /** The interfaces a Keystone catalog endpoint can have. */
    public static final Set<String> INTERFACES = Set.of("public", "internal", "admin");
    public static final int DEFAULT_DIMINET_PORT = 7575;

    public KeystoneOptions {
        Objects.requireNonNull(endpointInterface, "endpointInterface");
        if (!INTERFACES.contains(endpointInterface)) {
            throw new IllegalArgumentException("endpoint interface '" + endpointInterface + "' is not one of " + INTERFACES);
        }
        requireNotNegative(renewMargin, "renewMargin");
        requirePositive(catalogRefresh, "catalogRefresh");
        if (diminetPort < 1 || diminetPort > 65535) {
            throw new IllegalArgumentException("DIMINET port " + diminetPort + " is not in 1-65535");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
    }

    public static KeystoneOptions defaults() {
        return new KeystoneOptions("public", Duration.ofMinutes(5), Duration.ofMinutes(5), DEFAULT_DIMINET_PORT,
                Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    public KeystoneOptions withEndpointInterface(String value) {
        return new KeystoneOptions(value, renewMargin, catalogRefresh, diminetPort, connectTimeout, requestTimeout);
    }

    public KeystoneOptions withRenewMargin(Duration value) {
        return new KeystoneOptions(endpointInterface, value, catalogRefresh, diminetPort, connectTimeout, requestTimeout);
    }

    public KeystoneOptions withCatalogRefresh(Duration value) {
        return new KeystoneOptions(endpointInterface, renewMargin, value, diminetPort, connectTimeout, requestTimeout);
    }

    public KeystoneOptions withDiminetPort(int value) {
        return new KeystoneOptions(endpointInterface, renewMargin, catalogRefresh, value, connectTimeout, requestTimeout);
    }

    public KeystoneOptions withConnectTimeout(Duration value) {
        return new KeystoneOptions(endpointInterface, renewMargin, catalogRefresh, diminetPort, value, requestTimeout);
    }

    public KeystoneOptions withRequestTimeout(Duration value) {
        return new KeystoneOptions(endpointInterface, renewMargin, catalogRefresh, diminetPort, connectTimeout, value);
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
    }

    private static void requireNotNegative(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, not " + value);
        }
    }
}
