package io.fieldlink.firmware.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.console.CommandLine;
import io.fieldlink.firmware.console.ConsoleCommand;
import io.fieldlink.firmware.console.Reply;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoardTest {
    static final BoardDefinition METER = BoardLoader.builtIn("meter");

    private final MemoryHal hal = new MemoryHal();
    private final List<String> events = new ArrayList<>();
    private final BoardApp app = new BoardApp() {
        @Override
        public void boot(BoardContext context) {
            events.add("boot " + context.bootCount());
            context.registerCommand(new ConsoleCommand("ping", "ping - test", true) {
                @Override
                public void run(CommandLine line, Reply reply) {
                    reply.field("pong", "1");
                }
            });
        }

        @Override
        public void sampleTick(BoardContext context, Readings readings) {
            int v = readings.indexOf("voltage");
            events.add("tick " + readings.milli(v) + (readings.healthy(v) ? "" : " fault"));
        }

        @Override
        public void shutdown(BoardContext context) {
            events.add("shutdown");
        }
    };

    static void meterChannels(MemoryHal hal) {
        hal.sensors().set("voltage", 2300).set("current", 5000).set("power_factor", 950).set("frequency", 5000)
                .set("active_power", 1100).set("energy", 0).set("tamper", 0);
        hal.actuators().add("relay").add("buzzer");
    }

    static BoardBuilder wire(MemoryHal hal, BoardApp app) {
        return Board.builder().definition(METER).app(app).deviceId("m-1").clock(hal.clock()).storage(hal.storage())
                .transport(hal.network()).console(hal.console()).sensors(hal.sensors()).actuators(hal.actuators())
                .crypto(hal.crypto()).log(hal.log());
    }

    @BeforeEach
    void channels() {
        meterChannels(hal);
    }

    @Test
    void buildNamesEveryMissingCollaborator() {
        assertThatThrownBy(() -> Board.builder().definition(METER).deviceId("x").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("board cannot be built, missing: app, clock, storage, transport, console, sensors,"
                        + " actuators, crypto, log");
    }

    @Test
    void buildNamesMissingStorageAreas() {
        assertThatThrownBy(() -> wire(hal, app).storage(new io.fieldlink.firmware.hal.memory.MemoryStorage()
                .addArea("journal", 4096)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("storage area snapshot, storage area settings");
    }

    @Test
    void bootsSamplesEveryPeriodAndShutsDownSafely() {
        Board board = wire(hal, app).build();
        board.boot();
        assertThat(hal.actuators().get("relay")).isEqualTo(1);
        board.loop().runUntil(2000, hal.clock()::advance);
        hal.sensors().set("voltage", 2400);
        board.loop().runUntil(3000, hal.clock()::advance);
        hal.sensors().fail("voltage");
        board.loop().runUntil(4000, hal.clock()::advance);
        hal.actuators().set("relay", 0);
        board.shutdown();
        assertThat(events).containsExactly("boot 1", "tick 230000", "tick 230000", "tick 230000", "tick 240000",
                "tick 240000 fault", "shutdown");
        assertThat(hal.actuators().get("relay")).isEqualTo(1);
        assertThat(board.loop().pending()).isZero();
    }

    @Test
    void countsBootsAcrossReboots() {
        wire(hal, app).build().boot();
        Board second = wire(hal, app).build();
        second.boot();
        assertThat(second.context().bootCount()).isEqualTo(2);
        second.reboot();
        assertThat(events).containsExactly("boot 1", "boot 2", "shutdown", "boot 3");
    }

    @Test
    void consoleRebootRestartsInPlace() {
        Board board = wire(hal, app).build();
        board.boot();
        hal.console().type("login 4711");
        hal.console().type("reboot");
        board.loop().runDue();
        assertThat(events).contains("shutdown", "boot 2");
        assertThat(board.running()).isTrue();
    }

    @Test
    void appCommandsAreRegisteredAndGuardedByLogin() {
        Board board = wire(hal, app).build();
        board.boot();
        hal.console().type("mode machine");
        hal.console().type("ping");
        assertThat(hal.console().lastLine()).startsWith("ERR denied");
        hal.console().type("login 4711");
        hal.console().type("ping");
        assertThat(hal.console().lastLine()).isEqualTo("OK pong=1");
    }
}
