package io.fieldlink.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The layering rules of DESIGN.md as ArchUnit rules: which module may see which, and that domain
 * code reaches transports, storage and UI only through adapter packages.
 */
final class FieldlinkArchitecture {
    /** Transport, storage and UI libraries: only adapter packages may import them. */
    static final String[] ADAPTER_LIBRARIES = {
        "org.eclipse.californium..", "org.mapdb..", "fi.iki.elonen..", "com.fazecast..", "com.pi4j..",
        "com.ghgande..", "org.apache.kafka..",
    };

    /** The host's adapter packages and its composition root. */
    static final String[] HOST_ADAPTERS = {
        "io.fieldlink.host", "io.fieldlink.host.coap..", "io.fieldlink.host.store..", "io.fieldlink.host.web..",
        "io.fieldlink.host.bench..",
    };

    static final ArchRule HOST_DOMAIN_IMPORTS_NO_ADAPTER_LIBRARY = noClasses()
            .that().resideInAPackage("io.fieldlink.host..")
            .and().resideOutsideOfPackages(HOST_ADAPTERS)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_LIBRARIES)
            .as("host domain packages (billing, ledger, prediction, alerts, ingest, registry ...) import no "
                    + "transport, storage or UI library; only host.coap, host.store and host.web do")
            .allowEmptyShould(true);

    static final ArchRule PORTABLE_CODE_IMPORTS_NO_LIBRARY = noClasses()
            .that().resideInAnyPackage("io.fieldlink.protocol..", "io.fieldlink.boards..", "io.fieldlink.firmware..")
            .and().resideOutsideOfPackage("io.fieldlink.firmware.jvm..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.fieldlink..")
            .as("portable code (protocol, boards, firmware core) imports no library")
            .allowEmptyShould(true);

    static final ArchRule MODULE_ARROWS = CompositeArchRule.of(
            arrow("protocol", new String[] {"io.fieldlink.protocol.."}, new String[0],
                    "io.fieldlink.boards..", "io.fieldlink.firmware..", "io.fieldlink.host..", "io.fieldlink.fieldctl..",
                    "io.fieldlink.simulator..", "io.fieldlink.crypto.."))
            .and(arrow("boards", new String[] {"io.fieldlink.boards.."}, new String[0],
                    "io.fieldlink.protocol..", "io.fieldlink.firmware..", "io.fieldlink.host..", "io.fieldlink.fieldctl..",
                    "io.fieldlink.simulator..", "io.fieldlink.crypto.."))
            .and(arrow("jvm-crypto", new String[] {"io.fieldlink.crypto.jvm.."}, new String[0],
                    "io.fieldlink.boards..", "io.fieldlink.firmware..", "io.fieldlink.host..", "io.fieldlink.fieldctl..",
                    "io.fieldlink.simulator.."))
            .and(arrow("firmware/core", new String[] {"io.fieldlink.firmware.."}, new String[] {"io.fieldlink.firmware.jvm.."},
                    "io.fieldlink.firmware.jvm..", "io.fieldlink.host..", "io.fieldlink.fieldctl..", "io.fieldlink.simulator..",
                    "io.fieldlink.crypto.."))
            .and(arrow("firmware/jvm", new String[] {"io.fieldlink.firmware.jvm.."}, new String[0],
                    "io.fieldlink.host..", "io.fieldlink.fieldctl..", "io.fieldlink.simulator.."))
            .and(arrow("host", new String[] {"io.fieldlink.host.."}, new String[0],
                    "io.fieldlink.firmware..", "io.fieldlink.fieldctl..", "io.fieldlink.simulator.."))
            .and(arrow("fieldctl", new String[] {"io.fieldlink.fieldctl.."}, new String[0],
                    "io.fieldlink.firmware..", "io.fieldlink.host..", "io.fieldlink.simulator.."))
            .and(arrow("simulator", new String[] {"io.fieldlink.simulator.."}, new String[0],
                    "io.fieldlink.firmware.jvm..", "io.fieldlink.fieldctl.."))
            .as("module arrows of DESIGN.md: firmware/jvm, simulator -> firmware/core -> protocol, boards; "
                    + "host -> protocol, boards; sibling adapters never depend on each other");

    private FieldlinkArchitecture() {
    }

    private static ArchRule arrow(String module, String[] packages, String[] except, String... forbidden) {
        return noClasses()
                .that().resideInAnyPackage(packages)
                .and().resideOutsideOfPackages(except)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .as(module + " must not depend on " + String.join(", ", forbidden))
                .allowEmptyShould(true);
    }
}
