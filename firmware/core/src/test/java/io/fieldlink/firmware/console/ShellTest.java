package io.fieldlink.firmware.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.hal.memory.MemoryClock;
import io.fieldlink.firmware.hal.memory.MemorySerialConsole;
import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.journal.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShellTest {
    private final MemoryClock clock = new MemoryClock();
    private final MemoryStorage storage = new MemoryStorage().addArea("settings", 1024);
    private final MemorySerialConsole console = new MemorySerialConsole();
    private Shell shell;

    @BeforeEach
    void boot() {
        shell = new Shell(console, new TechnicianLock(clock, new Settings(storage.area("settings")), () -> "1234"));
        shell.register(new ConsoleCommand("echo", "echo <word> - repeat", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                if (line.count() != 2) {
                    reply.error("usage", "echo <word>");
                    return;
                }
                reply.field("said", line.word(1));
            }
        });
        shell.register(new ConsoleCommand("set", "set - changes state", true) {
            @Override
            public void run(CommandLine line, Reply reply) {
                reply.field("done", "yes");
            }
        });
        shell.register(new ConsoleCommand("crash", "crash", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                throw new IllegalStateException("bug");
            }
        });
        console.type("mode machine");
        console.takeOutput();
    }

    private String run(String line) {
        console.type(line);
        var out = console.takeOutput();
        assertThat(out).as("one line per command in machine mode").hasSize(1);
        return out.get(0);
    }

    @Test
    void answersEachCommandWithOneParseableLine() {
        assertThat(run("echo hello")).isEqualTo("OK said=hello");
        assertThat(run("echo \"two words\"")).isEqualTo("OK said=\"two words\"");
        assertThat(run("echo a=\"b\\\"")).isEqualTo("OK said=\"a=b\\\\\"");
        assertThat(run("help")).startsWith("OK commands=help,login,logout,mode,echo,set,crash");
    }

    @Test
    void unknownCommandsBadArgumentsAndFailuresGetOneLineErrors() {
        assertThat(run("frobnicate")).isEqualTo("ERR unknown unknown command 'frobnicate'; try help");
        assertThat(run("echo")).isEqualTo("ERR usage echo <word>");
        assertThat(run("echo \"open")).isEqualTo("ERR usage unterminated quote");
        assertThat(run("")).isEqualTo("ERR usage empty line");
        assertThat(run("x".repeat(300))).startsWith("ERR usage line longer");
        assertThat(run("crash")).isEqualTo("ERR failed crash failed: bug");
        assertThat(run("mode sideways")).isEqualTo("ERR usage mode human|machine");
    }

    @Test
    void stateChangesNeedALogin() {
        assertThat(run("set")).isEqualTo("ERR denied log in first: login <pin>");
        assertThat(run("login 1234")).isEqualTo("OK");
        assertThat(run("set")).isEqualTo("OK done=yes");
        assertThat(run("logout")).isEqualTo("OK");
        assertThat(run("set")).startsWith("ERR denied");
    }

    @Test
    void aSessionEndsAfterFifteenIdleMinutes() {
        run("login 1234");
        clock.advance(TechnicianLock.SESSION_IDLE_MILLIS);
        assertThat(run("set")).isEqualTo("OK done=yes");
        clock.advance(TechnicianLock.SESSION_IDLE_MILLIS + 1);
        assertThat(run("set")).startsWith("ERR denied");
    }

    @Test
    void wrongPinsLockTheConsoleForGrowingTimes() {
        assertThat(run("login 0000")).isEqualTo("ERR badpin wrong PIN; locked for 60 s");
        assertThat(run("login 1234")).isEqualTo("ERR locked locked for 60 s");
        clock.advance(60_000);
        assertThat(run("login 0000")).isEqualTo("ERR badpin wrong PIN; locked for 120 s");
        long expected = 120;
        for (int i = 0; i < 10; i++) {
            clock.advance(expected * 1000);
            expected = Math.min(expected * 2, 512 * 60);
            assertThat(run("login 9999")).isEqualTo("ERR badpin wrong PIN; locked for " + expected + " s");
        }
        clock.advance(512 * 60_000 - 1);
        assertThat(run("login 1234")).isEqualTo("ERR locked locked for 1 s");
        clock.advance(1);
        assertThat(run("login 1234")).isEqualTo("OK");
        assertThat(run("logout")).isEqualTo("OK");
        assertThat(run("login 0000")).isEqualTo("ERR badpin wrong PIN; locked for 60 s");
    }

    @Test
    void theLockOutSurvivesAReboot() {
        run("login 0000");
        clock.advance(TechnicianLock.lockout(1));
        run("login 0000");
        Shell rebooted = new Shell(console, new TechnicianLock(clock, new Settings(storage.area("settings")), () -> "1234"));
        assertThat(rebooted.execute("login 1234").errorCode()).isEqualTo("locked");
        clock.advance(TechnicianLock.lockout(1));
        assertThat(rebooted.execute("login 1234").errorCode()).isEqualTo("locked");
        clock.advance(TechnicianLock.lockout(2) - TechnicianLock.lockout(1));
        assertThat(rebooted.execute("login 1234").failed()).isFalse();
    }

    @Test
    void humanModeWritesReadableLines() {
        run("mode human");
        console.type("echo hi");
        assertThat(console.takeOutput()).containsExactly("said: hi");
        console.type("nope");
        assertThat(console.takeOutput()).containsExactly("error: unknown command 'nope'; try help (unknown)");
        console.type("   ");
        assertThat(console.takeOutput()).isEmpty();
    }

    @Test
    void lockOutGrowsFromOneToFiveHundredTwelveMinutes() {
        assertThat(TechnicianLock.lockout(1)).isEqualTo(60_000);
        assertThat(TechnicianLock.lockout(2)).isEqualTo(120_000);
        assertThat(TechnicianLock.lockout(10)).isEqualTo(512 * 60_000);
        assertThat(TechnicianLock.lockout(50)).isEqualTo(512 * 60_000);
    }
}
