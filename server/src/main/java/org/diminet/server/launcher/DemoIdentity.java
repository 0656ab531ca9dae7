package org.diminet.server.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.diminet.server.auth.EmbeddedIdentity;
import org.diminet.server.settings.SiteProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo's users and tokens. The identity (signing key, users, passwords) is kept in the data
 * directory, so a restarted demo accepts the tokens it printed before; the ready tokens of the admin and
 * of the two ordinary users go to {@value #TOKENS_FILE} there for scripts and tests to pick up.
 */
final class DemoIdentity {
    static final String IDENTITY_FILE = "identity.json";
    static final String TOKENS_FILE = "tokens.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DemoIdentity() {
    }

    /** A token the demo issued, with whose it is. */
    record DemoToken(String user, String project, boolean admin, String token, String expiresAt) {
    }

    static LocalIdentity loadOrCreate(Path dataDir, List<String> regions) {
        Path file = dataDir.resolve(IDENTITY_FILE);
        try {
            if (Files.exists(file)) {
                LocalIdentity stored = JSON.readValue(file.toFile(), LocalIdentity.class);
                if (regions.stream().allMatch(r -> stored.users().stream().anyMatch(u -> u.name().equals("diminet-" + r)))) {
                    return stored;
                }
            }
            LocalIdentity fresh = LocalIdentity.generate(regions);
            writePrivate(file, JSON.writeValueAsBytes(fresh));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    static List<DemoToken> issueTokens(LocalIdentity identity, ConfigurableApplicationContext site, String url) {
        EmbeddedIdentity issuer = site.getBean(EmbeddedIdentity.class);
        List<DemoToken> tokens = new ArrayList<>();
        for (String name : List.of(LocalIdentity.ADMIN, LocalIdentity.ALICE, LocalIdentity.BOB)) {
            SiteProperties.User user = identity.user(name);
            var issued = issuer.issue(user.name(), user.password(), Optional.empty());
            tokens.add(new DemoToken(name, issued.info().projectId(), issued.info().isAdmin(), issued.token(),
                    issued.info().expiresAt().toString()));
        }
        return tokens;
    }

    static void writeTokens(Path dataDir, String identityUrl, List<DemoToken> tokens) {
        Path file = dataDir.resolve(TOKENS_FILE);
        try {
            writePrivate(file, JSON.writeValueAsBytes(Map.of("identity_url", identityUrl, "tokens", tokens)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Secrets: readable by the demo's user only. */
    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own protection has to do.
        }
    }
}
