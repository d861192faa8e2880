package io.fieldlink.firmware.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.hal.memory.MemoryHal;
import org.junit.jupiter.api.Test;

class BuiltInCommandsTest {
    private final IdleBoard idle = new IdleBoard();
    private final MemoryHal hal = idle.hal;
    private final Board board = idle.board;

    private String run(String line) {
        return idle.run(line);
    }

    @Test
    void idStatusAndTime() {
        assertThat(run("id")).isEqualTo("OK device=m-1 board=meter kind=meter firmware=0.1.0");
        assertThat(run("status")).startsWith("OK board=meter device=m-1 boot=1 uptime_ms=0 journal_unacked=0")
                .endsWith("uplink=none");
        assertThat(run("time")).isEqualTo("OK uptime_ms=0 wall_known=false");
        hal.clock().setWallMillis(1_700_000_000_000L);
        hal.clock().advance(5);
        assertThat(run("time")).isEqualTo("OK uptime_ms=5 wall_known=true wall_ms=1700000000005");
    }

    @Test
    void sensorsAndAlarms() {
        assertThat(run("sensors")).startsWith("OK voltage=230.000 current=5.000 power_factor=0.950");
        hal.sensors().set("voltage", 2750);
        hal.sensors().fail("current");
        board.loop().runUntil(1000, hal.clock()::advance);
        assertThat(run("sensors")).startsWith("OK voltage=275.000 current=fault");
        assertThat(run("alarms")).isEqualTo("OK voltage=high_high active=1");
    }

    @Test
    void configListGetAndSetWithLoginAndValidation() {
        assertThat(run("config get emergency_credit")).isEqualTo("OK emergency_credit=5000");
        assertThat(run("config get pin")).isEqualTo("OK pin=****");
        assertThat(run("config get colour")).isEqualTo("ERR unknown unknown key colour");
        assertThat(run("config list")).contains("tariff_bands=").contains("pin=****");
        assertThat(run("config set emergency_credit 7000")).startsWith("ERR denied");
        run("login 4711");
        assertThat(run("config set emergency_credit 7000")).isEqualTo("OK emergency_credit=7000");
        assertThat(run("config set emergency_credit 700000")).isEqualTo("ERR invalid emergency_credit must be at most 100000");
        assertThat(run("config set emergency_credit lots")).isEqualTo("ERR invalid emergency_credit must be an integer");
        assertThat(run("config set")).isEqualTo("ERR usage config list | get <key> | set <key> <value>");
        assertThat(run("config set pin 2468")).isEqualTo("OK pin=****");
        board.reboot();
        hal.console().type("mode machine");
        hal.console().takeOutput();
        assertThat(run("config get emergency_credit")).isEqualTo("OK emergency_credit=7000");
        assertThat(run("login 4711")).startsWith("ERR badpin");
    }

    @Test
    void logShowsRecentEntries() {
        assertThat(run("log")).startsWith("OK count=1 e0=\"0 INFO kernel: boot 1 of m-1 (meter)");
    }
}
