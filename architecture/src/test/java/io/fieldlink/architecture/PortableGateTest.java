package io.fieldlink.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Verifies that the portable modules' main code stays within the JDK allow-list and off the banned APIs. */
class PortableGateTest {
    @ParameterizedTest
    @ValueSource(strings = {"protocol", "boards", "firmware/core"})
    void portableModuleReachesOnlyAllowedJdkClasses(String module) throws Exception {
        JdkAllowList allowList = JdkAllowList.load(Repo.file("build/portable-jdk-allowlist.txt"));

        assertThat(allowList.violations(Repo.mainClasses(module)))
                .as("JDK classes used by %s's main code that are not in build/portable-jdk-allowlist.txt", module)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"protocol", "boards", "firmware/core"})
    void portableModuleUsesNoBannedApi(String module) throws Exception {
        assertThat(PortableApiGate.violations(Repo.mainClasses(module)))
                .as("banned APIs (build/portable-signatures.txt) in %s's main code", module)
                .isEmpty();
    }

    @Test
    void portableModulesAreJava7ClassFiles() throws Exception {
        for (String module : new String[] {"protocol", "boards", "firmware/core"}) {
            Path classes = Repo.mainClasses(module);
            assertThat(ClassFileVersion.highestIn(classes))
                    .as("class file major version in %s (51 = Java 7)", module)
                    .isLessThanOrEqualTo(51);
        }
    }
}
