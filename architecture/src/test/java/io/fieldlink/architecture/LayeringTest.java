package io.fieldlink.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Verifies that the production code of every module keeps the layering of DESIGN.md. */
class LayeringTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fieldlink");
    }

    @Test
    void hostDomainImportsNoAdapterLibrary() {
        FieldlinkArchitecture.HOST_DOMAIN_IMPORTS_NO_ADAPTER_LIBRARY.check(production);
    }

    @Test
    void portableCodeImportsNoLibrary() {
        FieldlinkArchitecture.PORTABLE_CODE_IMPORTS_NO_LIBRARY.check(production);
    }

    @Test
    void moduleArrowsPointOneWay() {
        FieldlinkArchitecture.MODULE_ARROWS.check(production);
    }
}
