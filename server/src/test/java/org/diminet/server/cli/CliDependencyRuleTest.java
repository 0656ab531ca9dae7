package org.diminet.server.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The client is an HTTP client of the North API and nothing more: it uses only the JDK, Jackson and
 * picocli, no class of the core or of the server's other packages (so it shows what any client over
 * HTTP sees), and only the launcher knows it. Together: no dependency cycle can pass through it.
 */
class CliDependencyRuleTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("org.diminet");

    @Test
    void theClientUsesOnlyTheJdkJacksonAndPicocli() {
        classes().that().resideInAPackage("org.diminet.server.cli..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..", "picocli..",
                        "org.diminet.server.cli..")
                .check(SERVER);
    }

    @Test
    void onlyTheLauncherKnowsTheClient() {
        noClasses().that().resideOutsideOfPackages("org.diminet.server.cli..", "org.diminet.server.launcher..")
                .should().dependOnClassesThat().resideInAPackage("org.diminet.server.cli..")
                .check(SERVER);
    }
}
