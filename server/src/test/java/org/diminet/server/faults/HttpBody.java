package org.diminet.server.faults;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body exactly to its end, so that {@link FaultProxy} can hold a whole request before
 * deciding its fate (delay, drop, forward) and never reads into a next request. Framing follows
 * RFC 9112 §6.3: {@code Transfer-Encoding: chunked} (kept as it came, chunk lines and trailers
 * included, and forwarded with the same header), else {@code Content-Length}, else no body. Bodies are
 * held in memory: fine for DIMINET's JSON, not meant for uploads.
 */
final class HttpBody {
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private HttpBody() {
    }

    static byte[] readRequestBody(HttpHead head, InputStream in) throws IOException {
        if (head.chunked()) {
            return readChunked(in);
        }
        String length = head.field("Content-Length").orElse(null);
        if (length == null) {
            return new byte[0];
        }
        long size;
        try {
            size = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length: " + length);
        }
        if (size < 0 || size > MAX_BODY_BYTES) {
            throw new IOException("Content-Length out of range: " + size);
        }
        byte[] body = in.readNBytes((int) size);
        if (body.length != size) {
            throw new EOFException("request body ended after " + body.length + " of " + size + " bytes");
        }
        return body;
    }

    /** The raw chunked encoding up to and including the last chunk, trailers and final CRLF. */
    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = HttpHead.readLine(in, false);
            raw.writeBytes((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size line: " + sizeLine);
            }
            if (size == 0) {
                for (String trailer = HttpHead.readLine(in, false); ; trailer = HttpHead.readLine(in, false)) {
                    raw.writeBytes((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    if (trailer.isEmpty()) {
                        return raw.toByteArray();
                    }
                }
            }
            if (size < 0 || raw.size() + (long) size > MAX_BODY_BYTES) {
                throw new IOException("chunked body too large");
            }
            byte[] data = in.readNBytes(size + 2); // chunk data and its CRLF
            if (data.length != size + 2) {
                throw new EOFException("chunked body ended inside a chunk");
            }
            raw.writeBytes(data);
        }
    }
}
