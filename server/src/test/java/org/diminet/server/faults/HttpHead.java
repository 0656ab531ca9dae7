package org.diminet.server.faults;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The head of an HTTP/1.1 request or response (start line and header fields), read and written just
 * well enough for {@link FaultProxy} to carry one exchange per connection: it must see the method and
 * target to apply rules, the body framing to know where a request ends, and it rewrites the
 * connection-management headers so that neither side ever reuses a proxied connection.
 */
record HttpHead(String startLine, List<Map.Entry<String, String>> fields) {
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Hop-by-hop fields that must not cross the proxy (RFC 9110 §7.6.1), plus h2c upgrade and Expect. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "upgrade",
            "http2-settings", "te", "expect");

    HttpHead {
        fields = List.copyOf(fields);
    }

    /**
     * Reads a head up to and including its empty line.
     *
     * @return null when the stream ends before the first byte (the peer closed an idle connection)
     */
    static HttpHead read(InputStream in) throws IOException {
        String start = readLine(in, true);
        if (start == null) {
            return null;
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        int size = start.length();
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            size += line.length();
            if (size > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + line);
            }
            fields.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return new HttpHead(start, fields);
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1, without its terminator. */
    static String readLine(InputStream in, boolean eofAllowedAtStart) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofAllowedAtStart && line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of an HTTP head");
            }
            if (b == '\n') {
                break;
            }
            line.write(b);
            if (line.size() > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head line longer than " + MAX_HEAD_BYTES + " bytes");
            }
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    String method() {
        return part(0);
    }

    /** The request target as sent: path and query. */
    String target() {
        return part(1);
    }

    /** A response's status code. */
    int status() {
        return Integer.parseInt(part(1));
    }

    private String part(int index) {
        String[] parts = startLine.split(" ", 3);
        if (parts.length <= index) {
            throw new IllegalStateException("malformed start line: " + startLine);
        }
        return parts[index];
    }

    Optional<String> field(String name) {
        return fields.stream().filter(f -> f.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    boolean chunked() {
        return fields.stream().anyMatch(f -> f.getKey().equalsIgnoreCase("Transfer-Encoding")
                && f.getValue().toLowerCase(Locale.ROOT).contains("chunked"));
    }

    boolean expectsContinue() {
        return field("Expect").map(v -> v.equalsIgnoreCase("100-continue")).orElse(false);
    }

    /**
     * The same head with every hop-by-hop field removed (including those the Connection field names)
     * and {@code Connection: close} added: the receiver closes after this one exchange.
     */
    HttpHead withConnectionClose() {
        Set<String> drop = new HashSet<>(HOP_BY_HOP);
        fields.stream().filter(f -> f.getKey().equalsIgnoreCase("Connection"))
                .flatMap(f -> List.of(f.getValue().split(",")).stream())
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .forEach(drop::add);
        List<Map.Entry<String, String>> kept = new ArrayList<>(fields.stream()
                .filter(f -> !drop.contains(f.getKey().toLowerCase(Locale.ROOT)))
                .toList());
        kept.add(Map.entry("Connection", "close"));
        return new HttpHead(startLine, kept);
    }

    byte[] bytes() {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        fields.forEach(f -> text.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n"));
        return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return startLine;
    }
}
