package org.diminet.openstack.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/** Helpers for talking to OpenStack services with the JDK's HTTP client. For this module only. */
public final class HttpSupport {
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int SNIPPET_LENGTH = 300;

    private HttpSupport() {
    }

    /**
     * A client for OpenStack APIs. HTTP/1.1 only: with HTTP/2 the JDK client would ask plain-HTTP servers
     * for an h2c upgrade, which eventlet (Neutron) and uwsgi (Keystone) do not speak. Redirects are not
     * followed, so a misconfigured URL shows as what it is.
     */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    /** What went wrong on the wire, in words an operator understands ("connection refused", ...). */
    public static String describe(Throwable failure, Duration requestTimeout) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer within " + seconds(requestTimeout);
            }
            if (t instanceof ConnectException) {
                return "connection refused" + detail(t, "Connection refused");
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host" + detail(t, null);
            }
            if (t instanceof SSLException) {
                return "TLS failure: " + t.getMessage();
            }
            if (t instanceof InterruptedException) {
                return "interrupted";
            }
            root = t;
        }
        String message = root.getMessage();
        return root instanceof IOException && message != null
                ? "connection failed: " + message
                : root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * A short, single-line excerpt of an error body. OpenStack's 5xx pages are often text/html (Neutron's
     * catch_errors, keystonemiddleware's 503), so tags are stripped rather than parsed.
     */
    public static String snippet(String contentType, String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String text = body;
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            text = TAGS.matcher(text).replaceAll(" ");
        }
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.length() <= SNIPPET_LENGTH ? text : text.substring(0, SNIPPET_LENGTH) + "…";
    }

    private static String detail(Throwable t, String redundant) {
        String message = t.getMessage();
        return message == null || message.isBlank() || message.equalsIgnoreCase(redundant) ? "" : " (" + message + ")";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
