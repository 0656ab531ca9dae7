package org.diminet.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.diminet.server.persistence.ServiceFixtures.HERE;
import static org.diminet.server.persistence.ServiceFixtures.aNetwork;
import static org.diminet.server.persistence.ServiceFixtures.anL2Master;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.diminet.core.domain.InterSiteService;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.error.ConflictException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file database in a fresh temporary directory per class. */
class H2ServiceStoreTest extends ServiceStoreContractTest {

    @TempDir
    static Path dataDir;

    private static DataSource dataSource;

    @BeforeAll
    static void openDatabase() {
        dataSource = Databases.open(Databases.h2FileUrl(dataDir), "sa", "", Optional.empty());
    }

    @AfterAll
    static void closeDatabase() {
        Databases.close(dataSource);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Test
    void servicesClaimsAndAbandonedOperationsSurviveReopeningTheFile(@TempDir Path siteDir) {
        NetworkId network = aNetwork();
        InterSiteService service = anL2Master(network).build();
        UUID abandoned = UUID.randomUUID();

        DataSource first = Databases.open(Databases.h2FileUrl(siteDir), "sa", "", Optional.empty());
        try {
            JdbcServiceStore store = new JdbcServiceStore(first, HERE);
            store.insert(service);
            store.recordAbandoned(abandoned);
        } finally {
            Databases.close(first);
        }
        assertThat(siteDir.resolve("diminet.mv.db")).isRegularFile();

        DataSource reopened = Databases.open(Databases.h2FileUrl(siteDir), "sa", "", Optional.empty());
        try {
            JdbcServiceStore store = new JdbcServiceStore(reopened, HERE);
            assertThat(store.list()).containsExactly(service);
            assertThat(store.isAbandoned(abandoned)).isTrue();
            assertThatThrownBy(() -> store.insert(anL2Master(network).build()))
                    .isInstanceOf(ConflictException.class);
        } finally {
            Databases.close(reopened);
        }
    }

    @Test
    void theFileUrlPointsIntoTheDataDirectory(@TempDir Path siteDir) {
        String url = Databases.h2FileUrl(siteDir.resolve("sub/../site"));

        assertThat(url).startsWith("jdbc:h2:file:" + siteDir.toAbsolutePath().resolve("site") + "/diminet;");
    }

    @Test
    void aSchemaCanBeChosen(@TempDir Path siteDir) {
        DataSource inSchema = Databases.open(Databases.h2FileUrl(siteDir), "sa", "", Optional.of("site_one"));
        try {
            new JdbcServiceStore(inSchema, HERE).insert(anL2Master(aNetwork()).build());
            Long count = new org.springframework.jdbc.core.JdbcTemplate(inSchema).queryForObject(
                    "SELECT COUNT(*) FROM \"site_one\".services", Long.class);
            assertThat(count).isEqualTo(1L);
        } finally {
            Databases.close(inSchema);
        }
    }
}
