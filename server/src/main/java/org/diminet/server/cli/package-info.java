/**
 * {@code diminet service|pool|region|peer}: an OpenStack-style command-line client of the North API.
 * It is only an HTTP client (it takes a token from Keystone or the embedded identity, then calls the
 * site's North API); it imports nothing of the core or of the server's other packages, so what it
 * shows is exactly what any client over HTTP would see.
 */
package org.diminet.server.cli;
