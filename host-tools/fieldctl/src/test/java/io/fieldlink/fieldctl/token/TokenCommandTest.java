package io.fieldlink.fieldctl.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.fieldctl.ExitCodes;
import io.fieldlink.fieldctl.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokenCommandTest {
    @TempDir
    Path dir;

    private Path key;
    private Path trusted;

    @BeforeEach
    void makeKeys() throws Exception {
        key = dir.resolve("issuer.key");
        Result made = fieldctl("key", "new", "--out", key.toString());
        assertThat(made.code).isZero();
        trusted = dir.resolve("trusted.txt");
        Files.writeString(trusted, "# the host's issuer\n" + made.out);
    }

    @Test
    void keyFileIsPrivateAndNeverOverwritten() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).startsWith("ed25519-seed:");

        Result again = fieldctl("key", "new", "--out", key.toString());

        assertThat(again.code).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err).contains("refusing to overwrite");
    }

    @Test
    void aMintedCreditTokenChecksOkForItsMeterOnly() {
        String token = fieldctl("token", "mint", "--key", key.toString(), "--meter", "meter-7", "--id", "1", "--amount-milli", "25000").out.strip();

        assertThat(token).startsWith("FL1:").matches("[0-9A-Z $%*+\\-./:]+");
        Result ok = fieldctl("token", "check", "--trusted", trusted.toString(), "--meter", "meter-7", token);
        assertThat(ok.code).isEqualTo(ExitCodes.OK);
        assertThat(ok.out).startsWith("ok");
        Result other = fieldctl("token", "check", "--trusted", trusted.toString(), "--meter", "meter-8", token);
        assertThat(other.code).isEqualTo(ExitCodes.REFUSED);
        assertThat(other.out).startsWith("wrong-subject");
    }

    @Test
    void aBookingIsCheckedAgainstItsSlot() {
        String token = fieldctl("token", "mint", "--key", key.toString(), "--station", "st-1", "--id", "99", "--grams", "12000",
                "--slot-start", "2026-11-21T08:00:00Z", "--slot-end", "2026-11-21T08:30:00Z").out.strip();

        assertThat(fieldctl("token", "check", "--trusted", trusted.toString(), "--station", "st-1", "--now", "2026-11-21T08:10:00Z", token).code)
                .isEqualTo(ExitCodes.OK);
        Result late = fieldctl("token", "check", "--trusted", trusted.toString(), "--station", "st-1", "--now", "2026-11-21T12:00:00Z", token);
        assertThat(late.code).isEqualTo(ExitCodes.REFUSED);
        assertThat(late.out).startsWith("expired");
    }

    @Test
    void anUntrustedOrBrokenTokenIsRefusedWithItsReason() throws Exception {
        Path other = dir.resolve("other.key");
        fieldctl("key", "new", "--out", other.toString());
        String foreign = fieldctl("token", "mint", "--key", other.toString(), "--meter", "m", "--id", "1", "--amount-milli", "1").out.strip();

        assertThat(fieldctl("token", "check", "--trusted", trusted.toString(), "--meter", "m", foreign).out).startsWith("unknown-key");
        assertThat(fieldctl("token", "check", "--trusted", trusted.toString(), "--meter", "m", "FL1:NOT A TOKEN").out).startsWith("malformed");
    }

    @Test
    void badUsageIsExitTwoWithAReason() {
        Result noAmount = fieldctl("token", "mint", "--key", key.toString(), "--meter", "m", "--id", "1");
        assertThat(noAmount.code).isEqualTo(ExitCodes.USAGE);
        assertThat(noAmount.err).contains("--amount-milli");
        assertThat(fieldctl("token", "mint", "--key", key.toString(), "--meter", "m", "--station", "s", "--id", "1").code).isEqualTo(ExitCodes.USAGE);
        assertThat(fieldctl("token", "check", "--trusted", dir.resolve("missing").toString(), "--meter", "m", "x").code).isEqualTo(ExitCodes.IO);
    }

    record Result(int code, String out, String err) {
    }

    private static Result fieldctl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
