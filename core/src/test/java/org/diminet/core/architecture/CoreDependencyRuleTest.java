package org.diminet.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The core is plain Java: no framework, no persistence API, and a domain that knows nothing above it. */
@AnalyzeClasses(packages = "org.diminet.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreDependencyRuleTest {

    @ArchTest
    static final ArchRule CORE_DEPENDS_ONLY_ON_JDK_IPADDRESS_AND_ITSELF = classes()
            .that().resideInAPackage("org.diminet.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "inet.ipaddr..", "org.diminet.core..")
            .because("the core is framework-free; adapters live in other modules");

    @ArchTest
    static final ArchRule CORE_USES_NO_FRAMEWORK_OR_JDBC = noClasses()
            .that().resideInAPackage("org.diminet.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.fasterxml.jackson..", "jakarta..", "javax..", "java.sql..")
            .because("persistence, JSON and HTTP belong to adapters");

    @ArchTest
    static final ArchRule DOMAIN_KNOWS_NOTHING_ABOVE_IT = noClasses()
            .that().resideInAPackage("org.diminet.core.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..service..", "..l2..", "..l3..", "..peer..", "..store..");

    @ArchTest
    static final ArchRule CORE_PACKAGES_ARE_FREE_OF_CYCLES = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
            .slices().matching("org.diminet.core.(*)..")
            .should().beFreeOfCycles()
            .because("strategies (l2, l3) plan for the coordinator (service), which knows them only by their interface");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("org.diminet.core");

    @Test
    void theRulesSeeTheWholeCoreAndNoTests() {
        assertThat(MAIN.contain("org.diminet.core.domain.PoolLedger")).isTrue();
        assertThat(MAIN.contain("org.diminet.core.l2.PoolSplitter")).isTrue();
        assertThat(MAIN.contain("org.diminet.core.l3.OverlapCheck")).isTrue();
        assertThat(MAIN.contain("org.diminet.core.service.InterSiteServiceManager")).isTrue();
        assertThat(MAIN.contain(CoreDependencyRuleTest.class)).isFalse();
    }

    @Test
    void theRulesCatchAViolation() {
        // This test class lives in org.diminet.core.. and uses ArchUnit, JUnit and AssertJ.
        JavaClasses offender = new ClassFileImporter().importClasses(CoreDependencyRuleTest.class);
        assertThat(CORE_DEPENDS_ONLY_ON_JDK_IPADDRESS_AND_ITSELF.evaluate(offender).hasViolation()).isTrue();

        JavaClasses domainOffender = new ClassFileImporter()
                .importClasses(org.diminet.core.domain.DomainLayerViolationFixture.class);
        assertThat(DOMAIN_KNOWS_NOTHING_ABOVE_IT.evaluate(domainOffender).hasViolation()).isTrue();
        assertThat(CORE_USES_NO_FRAMEWORK_OR_JDBC.evaluate(domainOffender).hasViolation()).isTrue();
    }
}
