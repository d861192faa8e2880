package io.fieldlink.firmware.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.protocol.crypto.Hex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Verifies the command line: help, bad options with a specific message and exit code 2, and packaging. */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheOptionsAndPackaging() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("Usage: fieldlink board", "--board", "--data", "--host", "--console", "--modbus", "--psk-file",
                "board package");
        out.reset();
        assertThat(run("package", "--help")).isZero();
        assertThat(out()).contains("Usage: fieldlink board package", "--key", "--out");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--board meter --data D --host coaps://127.0.0.1:5684 --id m-1         | coaps needs the device's PSK",
        "--board lamp --data D --host coaps://127.0.0.1 --id m-1               | --board lamp: no such board",
        "--board meter --data D --host http://127.0.0.1 --id m-1               | expected coaps://HOST[:PORT]",
        "--board meter --data D --host coap://127.0.0.1 --id m-1 --output relay | expected NAME=BCM_PIN",
        "--board meter --data D --host coap://127.0.0.1 --id m-1 --modbus com1  | expected rtu:PORT[:BAUD]",
        "--board meter --data D --host coap://127.0.0.1 --id m-1 --set colour=red | unknown key colour",
        "--board meter --data D --host coap://127.0.0.1 --id m-1 --sensor voltage=high | not an integer",
        "--board wellhead --data D --host coap://127.0.0.1 --id w-1             | reads its sensors over Modbus",
        "--board meter --data D --host coap://127.0.0.1 --id m-1 --bogus        | Unknown option: '--bogus'",
        "--board meter --host coap://127.0.0.1                                  | Missing required option: '--data=DIR'",
    })
    void badOptionsGetASpecificErrorAndExitCodeTwo(String line, String message) {
        String[] args = line.trim().replace(" D ", " " + dir.resolve("data") + " ").split("\\s+");
        assertThat(run(args)).isEqualTo(Main.USAGE);
        assertThat(err()).contains(message);
    }

    @Test
    void packageNeedsAKeyAndWritesASignedImage() throws Exception {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 9);
        IssuerKeyPair key = IssuerKeyPair.fromSeed(seed);
        Path keyFile = Files.writeString(dir.resolve("issuer.key"), key.toPersistedText() + "\n");
        Path jar = Files.writeString(dir.resolve("fieldlink-firmware-jvm.jar"), "jar");
        Path out = dir.resolve("image");

        assertThat(run("package", "--board", "wellhead", "--out", out.toString())).isEqualTo(Main.USAGE);
        assertThat(err()).contains("Missing required option: '--key=FILE'");
        Path notAKey = Files.writeString(dir.resolve("bad.key"), "hello");
        assertThat(run("package", "--board", "wellhead", "--key", notAKey.toString(), "--jar", jar.toString(), "--out", out.toString()))
                .isEqualTo(Main.USAGE);
        assertThat(err()).contains("not an issuer key");

        assertThat(run("package", "--board", "wellhead", "--key", keyFile.toString(), "--jar", jar.toString(), "--out", out.toString(),
                "--firmware-version", "2.3.4")).isZero();
        assertThat(out()).contains("image fieldlink-board-wellhead 2.3.4", "signed by key " + Hex.encode(key.keyId()));
        io.fieldlink.protocol.cose.CoseSign1 cose = io.fieldlink.protocol.cose.CoseSign1.decode(Files.readAllBytes(out.resolve("firmware.cose")));
        assertThat(cose.verify(io.fieldlink.crypto.jvm.BouncyCastleCrypto.INSTANCE, key.publicKey())).isTrue();
        assertThat(io.fieldlink.protocol.record.FirmwareManifest.decode(cose.payload()).firmwareVersion()).isEqualTo("2.3.4");
        assertThat(Files.readString(out.resolve("board/wellhead.board"))).contains("modbus_register");
    }
}
