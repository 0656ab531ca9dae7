package org.diminet.server.auth.tls;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.diminet.server.settings.SiteConfigurationException;
import org.springframework.boot.util.LambdaSafe;
import org.springframework.boot.web.embedded.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * The East-West API's own port ({@code diminet.east-west.port}): a second Tomcat connector on the same
 * address as the main one ({@code server.address}). With {@link EastWestTls} it speaks TLS 1.3/1.2 only
 * and requires a client certificate from an authority in the trust store; without, plain HTTP.
 * Port 0 adds nothing. Which paths each port serves is the authentication filter's business.
 */
public final class EastWestConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    private final int port;
    private final EastWestTls tls;

    /** @param tls null for plain HTTP ({@code diminet.east-west.auth=token}) */
    public EastWestConnector(int port, EastWestTls tls) {
        if (port < 0 || port > 65535) {
            throw new SiteConfigurationException("diminet.east-west.port " + port + " is not a port (1-65535, or 0"
                    + " to share the main port)");
        }
        this.port = port;
        this.tls = tls;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (port == 0) {
            return;
        }
        if (port == factory.getPort()) {
            throw new SiteConfigurationException("diminet.east-west.port " + port + " is server.port too; give the"
                    + " East-West API another port, or 0 to share the main one");
        }
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(port);
        ProtocolHandler handler = connector.getProtocolHandler();
        if (handler instanceof AbstractProtocol<?> protocol) {
            protocol.setAddress(factory.getAddress());
        }
        if (tls != null) {
            requireClientCertificates(connector, (AbstractHttp11Protocol<?>) handler);
        }
        // Applied at init rather than now: customizers registered after this one (such as the virtual
        // threads executor) must reach this connector as they reach the main one.
        connector.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_INIT_EVENT.equals(event.getType())) {
                applyProtocolHandlerCustomizers(factory, handler);
            }
        });
        factory.addAdditionalTomcatConnectors(connector);
    }

    /** After Spring Boot's own customizers, which set the main port and address this one compares with. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private void requireClientCertificates(Connector connector, AbstractHttp11Protocol<?> protocol) {
        SSLHostConfig host = new SSLHostConfig();
        host.setProtocols("+" + String.join("+", EastWestTls.PROTOCOLS));
        host.setCertificateVerification("required");
        // The stores EastWestTls has checked, not the files again: what was checked is what is served.
        // Tomcat prefers them to the file names, which it only logs.
        host.setTrustStore(tls.trustStore());
        host.setTruststoreFile(tls.files().trustStore().toAbsolutePath().toString());
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystore(tls.keyStore());
        certificate.setCertificateKeystoreFile(tls.files().keyStore().toAbsolutePath().toString());
        certificate.setCertificateKeystorePassword(tls.files().keyStorePassword());
        certificate.setCertificateKeyAlias(tls.keyAlias());
        host.addCertificate(certificate);
        protocol.setSSLEnabled(true);
        protocol.addSslHostConfig(host);
        connector.setScheme("https");
        connector.setSecure(true);
    }

    @SuppressWarnings("unchecked")
    private static void applyProtocolHandlerCustomizers(TomcatServletWebServerFactory factory, ProtocolHandler handler) {
        LambdaSafe.callbacks(TomcatProtocolHandlerCustomizer.class, factory.getTomcatProtocolHandlerCustomizers(), handler)
                .invoke(customizer -> customizer.customize(handler));
    }
}
