package io.fieldlink.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.config.ConfigKey;
import io.fieldlink.host.config.HostConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fieldlink host} on the command line: help, and configuration errors that stop start-up. */
class MainTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void helpListsEveryFlagAndEveryTypedKeyWithItsDefault() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--data", "--http-port", "--coaps-port", "--coap-port", "--insecure-coap", "--config");
        for (ConfigKey<?> k : HostConfig.KEYS) {
            assertThat(r.out()).contains(k.name()).contains(k.typeName()).contains(k.description());
        }
    }

    @Test
    void anUnknownKeyStopsStartUpNamingIt() throws Exception {
        Path file = dir.resolve("host.properties");
        Files.writeString(file, "http.port=8081\ningest.max-bacth=10\n");
        Run r = run("--data", dir.resolve("data").toString(), "--config", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ingest.max-bacth: unknown configuration key");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void anInvalidValueStopsStartUpNamingTheKey() throws Exception {
        Path file = dir.resolve("host.properties");
        Files.writeString(file, "retention.15m=forever\n");
        Run r = run("--data", dir.resolve("data").toString(), "--config", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("retention.15m:");
    }

    @Test
    void plainCoapNeedsTheInsecureFlagAndAMissingFileIsNamed() {
        Run noFlag = run("--data", dir.toString(), "--coap-port", "5683");
        assertThat(noFlag.code()).isEqualTo(2);
        assertThat(noFlag.err()).contains("--insecure-coap");
        Run missing = run("--data", dir.toString(), "--config", dir.resolve("nope.properties").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.properties");
        Run badPort = run("--data", dir.toString(), "--http-port", "70000");
        assertThat(badPort.code()).isEqualTo(2);
        assertThat(badPort.err()).contains("http.port");
    }
}
