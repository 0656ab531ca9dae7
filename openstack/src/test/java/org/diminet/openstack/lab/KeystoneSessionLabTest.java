package org.diminet.openstack.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneCredentials;
import org.diminet.openstack.keystone.KeystoneException;
import org.diminet.openstack.keystone.KeystoneOptions;
import org.diminet.openstack.keystone.KeystoneSession;
import org.diminet.openstack.keystone.ServiceCatalog;
import org.diminet.openstack.neutron.NeutronClient;
import org.diminet.openstack.neutron.NeutronVim;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Keystone session against the lab's real Keystone. */
@Tag("lab")
class KeystoneSessionLabTest {
    private final LabEnv lab = LabEnv.get();

    @Test
    void oneTokenServesManyNeutronCalls() {
        KeystoneSession session = lab.newSession();
        NeutronVim one = new NeutronVim(new NeutronClient(session, Region.of("RegionOne")));
        NeutronVim three = new NeutronVim(new NeutronClient(session, Region.of("RegionThree")));

        for (int i = 0; i < 25; i++) {
            session.token();
            one.allSubnets();
            three.allSubnets();
        }

        assertThat(session.tokensIssued()).isEqualTo(1);
    }

    @Test
    void theCatalogListsEveryRegionsNeutronAndDiminet() {
        KeystoneSession session = lab.newSession();

        ServiceCatalog catalog = session.catalog();

        // lab/up makes three regions by default, up to six with --regions.
        assertThat(lab.regions()).startsWith(Region.of("RegionOne"), Region.of("RegionTwo"), Region.of("RegionThree"));
        for (Region region : lab.regions()) {
            assertThat(catalog.network()).containsEntry(region, lab.neutronUrl(region));
            assertThat(catalog.intersite()).containsEntry(region, lab.diminetUrl(region));
            assertThat(session.networkEndpoint(region)).contains(lab.neutronUrl(region));
            assertThat(session.diminetEndpoint(region)).contains(lab.diminetUrl(region));
        }
        assertThat(session.networkEndpoint(Region.of("RegionNowhere"))).isEmpty();
        assertThat(session.tokensIssued()).isEqualTo(1);
    }

    @Test
    void theInternalInterface_isSelectable() {
        KeystoneSession session = new KeystoneSession(lab.credentials(), KeystoneOptions.defaults().withEndpointInterface("internal"));

        assertThat(session.catalog().network()).containsOnlyKeys(lab.regions());
        assertThat(session.catalog().intersite()).as("the lab registers intersite as public only").isEmpty();
        assertThat(session.diminetEndpoint(Region.of("RegionTwo"))).contains(URI.create("http://127.0.0.1:7575"));
    }

    @Test
    void aWrongPassword_isAClearError() {
        KeystoneCredentials right = lab.credentials();
        KeystoneCredentials wrong = new KeystoneCredentials(right.authUrl(), right.username(), "not-the-password",
                right.project(), right.userDomain(), right.projectDomain());

        assertThatThrownBy(() -> new KeystoneSession(wrong, KeystoneOptions.defaults()).token())
                .isInstanceOfSatisfying(KeystoneException.class, e -> {
                    assertThat(e.kind()).isEqualTo(KeystoneException.Kind.UNAUTHORIZED);
                    assertThat(e.status()).isEqualTo(401);
                })
                .hasMessageContaining("Keystone at " + right.authUrl())
                .hasMessageContaining("user '" + right.username() + "'")
                .hasMessageContaining("The request you have made requires authentication.")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void aTokenNeutronRejects_isRenewedOnce_andTheCallSucceeds() throws Exception {
        KeystoneSession session = lab.newSession();
        String first = session.token();
        revoke(first);

        new NeutronVim(new NeutronClient(session, Region.of("RegionThree"))).allSubnets();

        assertThat(session.tokensIssued()).isEqualTo(2);
        assertThat(session.token()).isNotEqualTo(first);
    }

    @Test
    void tokenIssueLatency() {
        Timing timing = new Timing("Keystone token issue (new session, POST /v3/auth/tokens)");
        for (int i = 0; i < 10; i++) {
            KeystoneSession session = lab.newSession();
            timing.time(session::token);
        }
        timing.print();
    }

    /** Revokes a token the way an operator would ({@code DELETE /v3/auth/tokens}), with another session's token. */
    private void revoke(String token) throws Exception {
        KeystoneSession admin = lab.newSession();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(lab.credentials().authUrl() + "/auth/tokens"))
                .timeout(Duration.ofSeconds(10))
                .header("X-Auth-Token", admin.token())
                .header("X-Subject-Token", token)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("revocation: " + response.body()).isEqualTo(204);
    }
}
