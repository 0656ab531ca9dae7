package org.diminet.vim.embedded;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The file a site's {@link Snapshot} is kept in. */
final class SnapshotFile {

    private final Path path;
    private final String siteProject;
    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param siteProject the owner of networks in a file written before networks had owners */
    SnapshotFile(Path path, String siteProject) {
        this.path = path.toAbsolutePath();
        this.siteProject = siteProject;
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.exists(path);
    }

    long size() throws IOException {
        return Files.size(path);
    }

    /** What the file holds, and whether it was written before resources had owners (then it wants rewriting). */
    record Read(SiteState.Contents contents, boolean withoutOwners) {
    }

    Read read() throws IOException {
        Snapshot snapshot = json.readValue(path.toFile(), Snapshot.class);
        return new Read(snapshot.contents(siteProject), snapshot.lacksOwners());
    }

    /**
     * Writes a temporary file next to the target and moves it over the target in one step, so a crash or
     * a full disk leaves the previous snapshot whole rather than half of a new one.
     */
    void write(String region, SiteState.Contents contents) throws IOException {
        Snapshot snapshot = Snapshot.of(region, contents);
        Path directory = path.getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, path.getFileName().toString(), ".tmp");
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), snapshot);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
