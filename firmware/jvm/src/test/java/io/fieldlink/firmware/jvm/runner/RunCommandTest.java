package io.fieldlink.firmware.jvm.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Verifies how the board's options become its settings: defaults, files, and refusals. */
class RunCommandTest {
    @TempDir
    Path dir;

    private RunnerSettings settings(String... args) {
        RunCommand options = new RunCommand();
        new CommandLine(options).parseArgs(args);
        return options.settings();
    }

    @Test
    void coapsDefaultsToPort5684AndIdentityOptionsAreOptional() throws Exception {
        Path psk = Files.writeString(dir.resolve("m-7.psk"), "00112233 44556677 8899aabb ccddeeff\n");

        RunnerSettings s = settings("--board", "meter", "--data", dir.toString(), "--host", "coaps://127.0.0.1", "--id", "m-7",
                "--psk-file", psk.toString());
        RunnerSettings bare = settings("--board", "meter", "--data", dir.toString());

        assertThat(s.host().secure()).isTrue();
        assertThat(s.host().address().getPort()).isEqualTo(5684);
        assertThat(s.deviceId()).isEqualTo("m-7");
        assertThat(s.psk()).hasSize(16).startsWith(0x00, 0x11, 0x22);
        assertThat(s.console()).isEqualTo("stdio");
        assertThat(s.definition().name()).isEqualTo("meter");
        assertThat(bare.host()).as("the provisioned host is used").isNull();
        assertThat(bare.deviceId()).isNull();
        assertThat(bare.timeWarped()).as("no time warp unless asked").isFalse();
    }

    @Test
    void theTimeWarpTakesALoopbackPort() {
        assertThat(settings("--board", "meter", "--data", dir.toString(), "--time-warp", "0").timeWarpPort()).isZero();
        assertThat(settings("--board", "meter", "--data", dir.toString(), "--time-warp", "47000").timeWarped()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings("--board", "meter", "--data", dir.toString(), "--time-warp", "70000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--time-warp 70000");
    }

    @Test
    void optionsAreCheckedAndCarried() throws Exception {
        Path keys = Files.writeString(dir.resolve("issuers.txt"),
                "# issuers\n0102030405060708 " + "ab".repeat(32) + "\n");
        RunnerSettings s = settings("--board", "wellhead", "--data", dir.toString(), "--host", "coap://10.0.0.1",
                "--id", "w-1", "--modbus", "rtu:/dev/ttyUSB1:19200", "--output", "shutin_valve=17",
                "--set", "daily_close_hour=7", "--trusted-keys", keys.toString(), "--console", "/dev/serial0");

        assertThat(s.host().secure()).isFalse();
        assertThat(s.host().address().getPort()).isEqualTo(5683);
        assertThat(s.modbus().toString()).isEqualTo("rtu:/dev/ttyUSB1:19200");
        assertThat(s.outputs().pin("shutin_valve")).isEqualTo(17);
        assertThat(s.config()).containsEntry("daily_close_hour", "7");
        assertThat(s.trustedKeys()).hasSize(1);
        assertThat(s.console()).isEqualTo("/dev/serial0");
    }

    @Test
    void badFilesAreNamed() throws Exception {
        Path shortPsk = Files.writeString(dir.resolve("short.psk"), "0011");
        Path notHex = Files.writeString(dir.resolve("bad.psk"), "zz");
        Path badKeys = Files.writeString(dir.resolve("keys.txt"), "0102 abcd\n");
        String[] base = {"--board", "meter", "--data", dir.toString(), "--host", "coaps://h", "--id", "m-1"};

        assertThatThrownBy(() -> settings(concat(base, "--psk-file", shortPsk.toString()))).hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> settings(concat(base, "--psk-file", notHex.toString()))).hasMessageContaining("not hex");
        assertThatThrownBy(() -> settings(concat(base, "--psk-file", dir.resolve("none").toString()))).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> settings("--board", "meter", "--data", dir.toString(), "--host", "coap://h", "--id", "m 1"))
                .hasMessageContaining("without blanks");
        assertThatThrownBy(() -> settings("--board", "meter", "--data", dir.toString(), "--host", "coap://h", "--id", "m-1",
                "--trusted-keys", badKeys.toString())).hasMessageContaining("line 1").hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> settings("--board", dir.resolve("x.board").toString(), "--data", dir.toString(), "--host", "coap://h",
                "--id", "m-1")).hasMessageContaining("cannot read it");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
