package com.coursebook;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Package by capability: a module's top-level package is its API; its sub-packages are its own business.
 */
class ModuleStructureTest {

    static final String[] MODULES = { "patient", "catalog", "rules", "scheduling", "course", "notes", "review",
            "integration", "audit", "security", "shared", "platform" };

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.coursebook");

    @Test
    @DisplayName("no module reaches into another module's sub-packages")
    void modulesUseOnlyEachOthersTopLevelPackage() {
        for (String module : MODULES) {
            ArchRule rule = noClasses().that().resideOutsideOfPackage("com.coursebook." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("com.coursebook." + module + ".*..")
                    .allowEmptyShould(true)
                    .because(module + "'s sub-packages are internal to it");
            rule.check(classes);
        }
    }

    @Test
    @DisplayName("shared depends on no capability module")
    void sharedIsALeaf() {
        noClasses().that().resideInAPackage("com.coursebook.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.coursebook.patient..", "com.coursebook.catalog..", "com.coursebook.rules..",
                        "com.coursebook.scheduling..", "com.coursebook.course..", "com.coursebook.notes..",
                        "com.coursebook.review..", "com.coursebook.integration..", "com.coursebook.audit..",
                        "com.coursebook.security..", "com.coursebook.platform..")
                .check(classes);
    }

    @Test
    @DisplayName("capability modules do not depend on each other in cycles")
    void noCyclesBetweenModules() {
        slices().matching("com.coursebook.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    @DisplayName("every class lives in one of the known modules")
    void everyClassInAModule() {
        ArchRule rule = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("com.coursebook.*..")
                .should().resideInAnyPackage(java.util.Arrays.stream(MODULES).map(m -> "com.coursebook." + m + "..")
                        .toArray(String[]::new));
        rule.check(classes);
    }
}
