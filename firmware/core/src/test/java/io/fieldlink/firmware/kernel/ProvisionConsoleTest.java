package io.fieldlink.firmware.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.provision.Provisioning;
import org.junit.jupiter.api.Test;

/** The built-in {@code provision} console command: staged, checked, committed at once, survives a reboot. */
class ProvisionConsoleTest {
    private static final String PSK = "00112233445566778899aabbccddeeff";
    private static final String KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private final IdleBoard idle = new IdleBoard();
    private final MemoryHal hal = idle.hal;
    private final Board board = idle.board;

    private String run(String line) {
        return idle.run(line);
    }

    @Test
    void provisioningIsStagedCheckedAndCommittedAtOnce() {
        assertThat(run("provision id m-7")).startsWith("ERR denied");
        assertThat(run("provision show")).isEqualTo("OK provisioned=no");
        run("login 4711");
        assertThat(run("provision commit")).startsWith("ERR incomplete");
        assertThat(run("provision id -bad")).startsWith("ERR invalid");
        assertThat(run("provision psk 00zz")).startsWith("ERR invalid");
        assertThat(run("provision host http://x")).startsWith("ERR invalid");
        assertThat(run("provision issuer 21fe31dfa154a261 00")).startsWith("ERR invalid");
        assertThat(run("provision id m-7")).isEqualTo("OK id=m-7");
        assertThat(run("provision psk " + PSK)).isEqualTo("OK psk=staged");
        assertThat(run("provision host coaps://10.0.0.2:5684")).isEqualTo("OK host=coaps://10.0.0.2:5684");
        assertThat(Provisioning.read(board.context().settings())).as("nothing written before commit").isNull();
        assertThat(run("provision issuer 21fe31dfa154a261 " + KEY)).isEqualTo("OK issuers=1");
        assertThat(run("provision commit")).isEqualTo("OK provisioned=m-7 issuers=1 effective=\"next start\"");

        board.reboot();
        Provisioning p = Provisioning.read(board.context().settings());
        assertThat(p.deviceId()).isEqualTo("m-7");
        assertThat(p.psk()).hasSize(16);
        assertThat(p.host()).isEqualTo("coaps://10.0.0.2:5684");
        assertThat(p.issuerKeys().size()).isEqualTo(1);
        hal.console().type("mode machine");
        hal.console().takeOutput();
        assertThat(run("provision show")).isEqualTo("OK provisioned=yes id=m-7 host=coaps://10.0.0.2:5684 issuers=1 psk=set");
    }
}
