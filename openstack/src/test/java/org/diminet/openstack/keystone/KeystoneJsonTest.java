package org.diminet.openstack.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import org.diminet.core.domain.Region;
import org.junit.jupiter.api.Test;

/** Reading a token response written by hand after the lab's measured shape (not captured from a mock). */
class KeystoneJsonTest {
    private static final Region ONE = Region.of("RegionOne");
    private static final Region TWO = Region.of("RegionTwo");
    private static final Region THREE = Region.of("RegionThree");

    private final JsonNode body = read("token-response.json");

    @Test
    void token_hasTheSubjectTokenAndKeystonesTimes() {
        IssuedToken token = KeystoneJson.token("gAAAAAB-subject", body, "public");

        assertThat(token.value()).isEqualTo("gAAAAAB-subject");
        assertThat(token.issuedAt()).isEqualTo(Instant.parse("2026-11-22T12:45:37Z"));
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-22T13:45:37Z"));
    }

    @Test
    void publicCatalog_listsEachRegionsNetworkEndpoint_withoutSlashOrVersion() {
        ServiceCatalog catalog = KeystoneJson.token("t", body, "public").catalog();

        assertThat(catalog.network()).containsEntry(ONE, URI.create("http://127.0.0.1:9696"))
                .containsEntry(TWO, URI.create("http://127.0.0.1:9697"))
                .containsEntry(THREE, URI.create("http://127.0.0.1:9698"))
                .containsEntry(Region.of("RegionFive"), URI.create("https://neutron.five.example:443/networking"))
                .hasSize(4);
        assertThat(catalog.intersite()).containsOnlyKeys(ONE, TWO)
                .containsEntry(TWO, URI.create("http://127.0.0.1:7576"));
        assertThat(catalog.regions()).containsExactly(Region.of("RegionFive"), ONE, THREE, TWO);
    }

    @Test
    void internalCatalog_takesTheInternalEndpoints() {
        ServiceCatalog catalog = KeystoneJson.catalog(body.path("token").path("catalog"), "internal");

        assertThat(catalog.network()).containsOnly(
                java.util.Map.entry(ONE, URI.create("http://10.1.0.1:9696")),
                java.util.Map.entry(TWO, URI.create("http://10.2.0.1:9697")),
                java.util.Map.entry(THREE, URI.create("http://10.3.0.1:9698")));
        assertThat(catalog.intersite()).containsOnly(java.util.Map.entry(TWO, URI.create("http://10.2.0.1:7575")));
    }

    @Test
    void diminetEndpoint_isTheIntersiteOne_elseNeutronsHostOnTheDiminetPort() {
        ServiceCatalog catalog = KeystoneJson.token("t", body, "public").catalog();

        assertThat(catalog.diminetEndpoint(ONE, 7575)).contains(URI.create("http://127.0.0.1:7575"));
        assertThat(catalog.diminetEndpoint(TWO, 7575)).contains(URI.create("http://127.0.0.1:7576"));
        assertThat(catalog.diminetEndpoint(THREE, 7575)).contains(URI.create("http://127.0.0.1:7575"));
        assertThat(catalog.diminetEndpoint(THREE, 8000)).contains(URI.create("http://127.0.0.1:8000"));
        assertThat(catalog.diminetEndpoint(Region.of("RegionFive"), 7575)).contains(URI.create("http://neutron.five.example:7575"));
        assertThat(catalog.diminetEndpoint(Region.of("RegionNine"), 7575)).isEmpty();
    }

    @Test
    void aTokenWithoutExpiry_isRefused() throws IOException {
        JsonNode noExpiry = new ObjectMapper().readTree("{\"token\": {\"issued_at\": \"2026-11-22T12:45:37.000000Z\"}}");

        assertThatThrownBy(() -> KeystoneJson.token("t", noExpiry, "public"))
                .hasMessageContaining("expires_at");
    }

    @Test
    void offsetTimestamps_areRead() throws IOException {
        JsonNode offset = new ObjectMapper().readTree("{\"token\": {\"expires_at\": \"2026-11-22T14:45:37+01:00\"}}");

        IssuedToken token = KeystoneJson.token("t", offset, "public");

        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-22T13:45:37Z"));
        assertThat(token.issuedAt()).isNull();
        assertThat(token.catalog().regions()).isEmpty();
    }

    @Test
    void keystoneErrorMessage_isRead() throws IOException {
        JsonNode error = new ObjectMapper().readTree(
                "{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\",\"title\":\"Unauthorized\"}}");

        assertThat(KeystoneJson.errorMessage(error)).isEqualTo("The request you have made requires authentication.");
        assertThat(KeystoneJson.errorMessage(body)).isNull();
    }

    private static JsonNode read(String resource) {
        try (InputStream in = KeystoneJsonTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
