package org.diminet.vim.embedded;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes made since a site's last {@link SnapshotFile}, one JSON line each, so that a change costs an
 * append of what it touched rather than a rewrite of everything the site holds. Loading reads the
 * snapshot, then applies these lines in order.
 *
 * <p>A crash can leave the last line torn: it is dropped on reading (that change was never answered as
 * done). An append that fails is cut off again, so the file only ever holds whole lines.
 */
final class ChangeLogFile {

    private final Path path;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    ChangeLogFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** The log's length in bytes; 0 when there is none. */
    long size() throws IOException {
        return Files.exists(path) ? Files.size(path) : 0;
    }

    void append(LoggedChange change) throws IOException {
        byte[] line = (json.writeValueAsString(change) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(path.getParent());
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long end = channel.size();
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer, end + buffer.position());
                }
            } catch (IOException e) {
                channel.truncate(end);
                throw e;
            }
        }
    }

    /**
     * Every whole change in the log, oldest first. A last line that does not parse is a torn write and is
     * cut off; one before it is damage, and fails the read.
     */
    List<LoggedChange> read() throws IOException {
        List<LoggedChange> changes = new ArrayList<>();
        if (!Files.exists(path)) {
            return changes;
        }
        byte[] bytes = Files.readAllBytes(path);
        int start = 0;
        int lineNumber = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            boolean last = end >= bytes.length - 1;
            try {
                if (end == bytes.length) {
                    throw new IOException("no line end");
                }
                changes.add(json.readValue(bytes, start, end - start, LoggedChange.class));
            } catch (IOException e) {
                if (!last) {
                    throw new IOException("line " + lineNumber + " of " + path + " is damaged: " + e.getMessage(), e);
                }
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    channel.truncate(start);
                }
                break;
            }
            start = end + 1;
        }
        return changes;
    }

    /** Empties the log, once a snapshot holds everything it said. */
    void clear() throws IOException {
        Files.deleteIfExists(path);
    }
}
