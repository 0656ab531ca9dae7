/**
 * The East-West API's transport: this site's certificate and the authorities it trusts
 * ({@link org.diminet.server.auth.tls.EastWestTls}), the East-West API's own Tomcat connector
 * ({@link org.diminet.server.auth.tls.EastWestConnector}), and what a request tells of the peer that
 * sent it ({@link org.diminet.server.auth.tls.PeerCertificates}).
 */
package org.diminet.server.auth.tls;
