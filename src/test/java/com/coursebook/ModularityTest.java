package com.coursebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Package by capability, verified by Spring Modulith: a module's top-level package is its API, its sub-packages
 * ({@code web}, {@code internal}) are its own; no cycles between modules. Dependencies that run through SQL are
 * not visible here; docs/architecture.md lists which module owns each table and who reads it.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CourseBookApplication.class);

    static final Path DIAGRAM = Path.of("docs/modules/components.puml");

    @Test
    @DisplayName("modules use only each other's API, without cycles")
    void modulesAreVerified() {
        MODULES.verify();
    }

    @Test
    @DisplayName("the verification is live: reaching into another module's internals is refused")
    void verificationRefusesAccessToInternals() {
        assertThatThrownBy(() -> ApplicationModules.of("com.coursebook.modularityfixture", location -> true).verify())
                .hasMessageContaining("AlphaSecret");
    }

    @Test
    @DisplayName("shared holds small value types and depends on no capability module")
    void sharedIsALeaf() {
        noClasses().that().resideInAPackage("com.coursebook.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("com.coursebook.(*)..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("com.coursebook.shared..", "java..",
                        "jakarta..", "org.springframework..", "org.slf4j..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.coursebook"));
    }

    @Test
    @DisplayName("the module diagram in docs/ is the one the code gives")
    void diagramInDocsIsCurrent() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml();
        Path generated = Path.of("target/modulith-docs/components.puml");
        if (System.getProperty("coursebook.write-diagram") != null) {
            Files.createDirectories(DIAGRAM.getParent());
            Files.copy(generated, DIAGRAM, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.exists(DIAGRAM)).as("docs/modules/components.puml exists").isTrue();
        // Modulith writes modules and relations in no fixed order: compare the lines, not their order.
        assertThat(Files.readAllLines(DIAGRAM))
                .as("docs/modules/components.puml is stale; regenerate it with "
                        + "./mvnw test -Dtest=ModularityTest -Dcoursebook.write-diagram")
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated));
    }
}
