package io.fieldlink.firmware.jvm.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.journal.Settings;
import org.junit.jupiter.api.Test;

/** Verifies reading the identity that the console's provision command stores in the settings. */
class StoredIdentityTest {
    private final Settings settings = new Settings(new MemoryStorage().addArea("settings", 4096).area("settings"));

    @Test
    void aProvisionedBoardHasItsIdPskHostAndIssuers() {
        settings.put("provision.id", "m-9");
        settings.put("provision.psk", "000102030405060708090a0b0c0d0e0f");
        settings.put("provision.host", "coaps://10.0.0.2:5684");
        settings.put("provision.issuers", "0102030405060708:" + "ab".repeat(32) + ",1112131415161718:" + "cd".repeat(32));
        settings.commit();

        StoredIdentity id = StoredIdentity.read(settings);

        assertThat(id.deviceId()).isEqualTo("m-9");
        assertThat(id.psk()).hasSize(16).startsWith(0, 1, 2);
        assertThat(HostAddress.parse(id.host(), "stored").toString()).isEqualTo("coaps://10.0.0.2:5684");
        assertThat(id.issuers()).hasSize(2);
        assertThat(id.issuers().get(1)[0]).startsWith(0x11, 0x12);
        assertThat(id.issuers().get(1)[1]).hasSize(32);
    }

    @Test
    void aNewBoardHasNothing() {
        StoredIdentity id = StoredIdentity.read(settings);

        assertThat(id.deviceId()).isNull();
        assertThat(id.psk()).isNull();
        assertThat(id.host()).isNull();
        assertThat(id.issuers()).isEmpty();
    }
}
