package org.diminet.server.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server's packages (web, auth, config, peers, persistence, launcher, cli, metrics, tracing, json)
 * depend on each other without cycles, so each can be read, tested and replaced on its own; the wiring
 * in {@code config} is the one place that knows them all.
 */
class ServerPackageCyclesTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.diminet.server");

    @Test
    void serverPackagesAreFreeOfCycles() {
        slices().matching("org.diminet.server.(*)..").should().beFreeOfCycles().check(SERVER);
    }
}
