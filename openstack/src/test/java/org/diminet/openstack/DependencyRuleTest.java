package org.diminet.openstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No framework in this module, and no Keystone/Neutron JSON in the API the rest of DIMINET uses: only the
 * module-internal {@code NeutronClient} may show Jackson types.
 */
class DependencyRuleTest {
    private static final com.tngtech.archunit.core.domain.JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.diminet.openstack");

    @Test
    void noSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(MAIN);
    }

    @Test
    void publicApiSpeaksNoJson() {
        methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().doNotHaveSimpleName("NeutronClient")
                .should(new ArchCondition<JavaMethod>("take and return no Jackson types") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        List<JavaClass> types = new ArrayList<>(method.getRawParameterTypes());
                        types.add(method.getRawReturnType());
                        boolean json = types.stream().anyMatch(t -> t.getPackageName().startsWith("com.fasterxml"));
                        events.add(new SimpleConditionEvent(method, !json, method.getFullName() + " shows a Jackson type"));
                    }
                })
                .check(MAIN);
    }
}
