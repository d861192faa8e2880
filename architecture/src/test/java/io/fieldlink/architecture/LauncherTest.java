package io.fieldlink.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Verifies the launcher's own contract: help for every command, plain errors, honest exit codes. */
class LauncherTest {
    record Run(int exitCode, String out, String err) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "host", "sim", "board", "ctl", "test", "bench"})
    void everyCommandHasHelp(String command) throws Exception {
        Run run = fieldlink(command, "--help");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: ./fieldlink " + command);
    }

    @Test
    void topLevelHelpListsEveryCommand() throws Exception {
        Run run = fieldlink("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "host", "sim", "board", "ctl", "test", "bench");
    }

    @Test
    void unknownCommandIsAnErrorNamingIt() throws Exception {
        Run run = fieldlink("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void partNotInTheCheckoutSaysSoAndFails() throws Exception {
        for (String[] part : new String[][] {
            {"host", "host-tools/host/src/main/java/io/fieldlink/host/Main.java"},
            {"sim", "simulator/src/main/java/io/fieldlink/simulator/Main.java"},
            {"board", "firmware/jvm/src/main/java/io/fieldlink/firmware/jvm/Main.java"},
            {"ctl", "host-tools/fieldctl/src/main/java/io/fieldlink/fieldctl/Main.java"},
        }) {
            if (Files.exists(Repo.file(part[1]))) {
                continue;
            }
            Run run = fieldlink(part[0]);
            assertThat(run.exitCode()).as(part[0]).isEqualTo(3);
            assertThat(run.err()).as(part[0]).contains("not built in this checkout yet");
            assertThat(run.out()).as(part[0]).isEmpty();
        }
    }

    private static Run fieldlink(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Repo.file("fieldlink").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("fieldlink-out", ".txt");
        Path err = Files.createTempFile("fieldlink-err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("fieldlink %s finishes", String.join(" ", args)).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
