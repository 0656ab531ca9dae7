package org.diminet.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An operator who keeps metrics off the API's port: {@code management.server.port} moves the actuator there. */
class ManagementPortTest {

    @Test
    void theActuatorAnswersOnTheManagementPortAndNoLongerOnTheApisPort() throws Exception {
        int managementPort = MultiSiteCluster.freePort();
        try (MultiSiteCluster cluster = MultiSiteCluster.start(2, region -> region.equals("RegionOne")
                ? Map.of("management.server.port", String.valueOf(managementPort)) : Map.of())) {
            SiteClient api = cluster.site(0).withToken(null);
            SiteClient management = new SiteClient("RegionOne", "http://127.0.0.1:" + managementPort, null);

            SiteClient.TextAnswer scrape = management.getText("/actuator/prometheus");
            assertThat(scrape.status()).isEqualTo(200);
            PrometheusText metrics = PrometheusText.parse(scrape.body());
            assertThat(metrics.find("diminet_services", Map.of("region", "RegionOne"))).hasSize(12);
            assertThat(metrics.find("diminet_peer_reachable", Map.of("peer", "RegionTwo"))).hasSize(1);
            assertThat(management.getText("/actuator/health").status()).isEqualTo(200);

            assertThat(api.getText("/actuator/prometheus").status()).isEqualTo(404);
            assertThat(api.getText("/api/region").status()).as("the API itself stays where it was").isEqualTo(200);

            // Like the API (server.address, 127.0.0.1 here), not on every interface as Spring would.
            Optional<InetAddress> other = otherAddressOfThisHost();
            if (other.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other.get(), managementPort), 2_000))
                            .as("the management port on " + other.get()).isInstanceOf(IOException.class);
                }
            }
        }
    }

    /** An address of this host that is not loopback, if it has one. */
    private static Optional<InetAddress> otherAddressOfThisHost() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }
}
