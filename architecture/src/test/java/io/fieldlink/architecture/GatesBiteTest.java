package io.fieldlink.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that each gate rejects code that breaks its rule, and lets clean code through: samples
 * are compiled as the build compiles portable code and run through the same checks.
 */
class GatesBiteTest {
    @TempDir
    Path work;

    @Test
    void release7CompilerRejectsALambda() throws Exception {
        SampleCompiler.Result result = SampleCompiler.compile(List.of("UsesLambda.java.txt"), "7", work);

        assertThat(result.compiled()).isFalse();
        assertThat(result.diagnostics()).contains("lambda expressions are not supported");
    }

    @Test
    void signaturesRejectJavaUtilConcurrent() throws Exception {
        SampleCompiler.Result result = SampleCompiler.compile(List.of("UsesConcurrent.java.txt"), "7", work);
        assertThat(result.compiled()).as(result.diagnostics()).isTrue();

        assertThat(PortableApiGate.violations(result.classes()))
                .anySatisfy(v -> assertThat(v).contains("java.util.concurrent.ConcurrentHashMap"));
    }

    @Test
    void allowListRejectsJavaUtilConcurrent() throws Exception {
        SampleCompiler.Result result = SampleCompiler.compile(List.of("UsesConcurrent.java.txt"), "7", work);
        JdkAllowList allowList = JdkAllowList.load(Repo.file("build/portable-jdk-allowlist.txt"));

        assertThat(allowList.violations(result.classes()))
                .containsExactly("sample.portable.UsesConcurrent -> java.util.concurrent.ConcurrentHashMap");
    }

    @Test
    void signaturesRejectStringFormat() throws Exception {
        SampleCompiler.Result result = SampleCompiler.compile(List.of("UsesStringFormat.java.txt"), "7", work);
        assertThat(result.compiled()).as(result.diagnostics()).isTrue();

        assertThat(PortableApiGate.violations(result.classes()))
                .anySatisfy(v -> assertThat(v).contains("java.lang.String#format"));
    }

    @Test
    void cleanPortableCodePassesEveryGate() throws Exception {
        SampleCompiler.Result result = SampleCompiler.compile(List.of("CleanPortable.java.txt"), "7", work);
        assertThat(result.compiled()).as(result.diagnostics()).isTrue();

        assertThat(PortableApiGate.violations(result.classes())).isEmpty();
        assertThat(JdkAllowList.load(Repo.file("build/portable-jdk-allowlist.txt")).violations(result.classes())).isEmpty();
    }

    @Test
    void layeringRejectsAHostDomainPackageImportingStorage() throws Exception {
        Path mapdb = Paths.get(org.mapdb.DB.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        SampleCompiler.Result result = SampleCompiler.compile(List.of("BillingOnMapDb.java.txt"), "17", work, mapdb);
        assertThat(result.compiled()).as(result.diagnostics()).isTrue();

        EvaluationResult evaluation = FieldlinkArchitecture.HOST_DOMAIN_IMPORTS_NO_ADAPTER_LIBRARY.evaluate(classesIn(result));

        assertThat(evaluation.hasViolation()).isTrue();
        assertThat(evaluation.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("io.fieldlink.host.billing.BillingOnMapDb").contains("org.mapdb.DB"));
    }

    @Test
    void layeringRejectsAReversedModuleArrow() throws Exception {
        SampleCompiler.Result result = SampleCompiler.compile(
                List.of("ProtocolOnHost.java.txt", "HostRegistry.java.txt"), "17", work);
        assertThat(result.compiled()).as(result.diagnostics()).isTrue();

        EvaluationResult evaluation = FieldlinkArchitecture.MODULE_ARROWS.evaluate(classesIn(result));

        assertThat(evaluation.hasViolation()).isTrue();
        assertThat(evaluation.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("io.fieldlink.protocol.sample.ProtocolOnHost")
                        .contains("io.fieldlink.host.sample.HostRegistry"));
    }

    private static JavaClasses classesIn(SampleCompiler.Result result) {
        return new ClassFileImporter().importPath(result.classes());
    }
}
