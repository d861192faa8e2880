package io.fieldlink.firmware.hal.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.firmware.FirmwareException;
import org.junit.jupiter.api.Test;

class MemorySensorsTest {
    @Test
    void channelsAreFoundByNameInAnyOrderAndGrowPastTheFirstArrays() {
        MemorySensors s = new MemorySensors();
        for (int i = 0; i < 20; i++) {
            s.set("ch" + i, i * 10L);
        }
        for (int i = 19; i >= 0; i -= 3) {
            assertThat(s.readRaw(new String("ch" + i))).isEqualTo(i * 10L); // equal, not the same string
            assertThat(s.healthy("ch" + i)).isTrue();
        }
        s.fail("ch7");
        assertThat(s.healthy("ch7")).isFalse();
        assertThat(s.readRaw("ch7")).isEqualTo(70L);
        s.set("ch7", 71);
        assertThat(s.healthy("ch7")).isTrue();
        assertThat(s.readRaw("ch7")).isEqualTo(71L);
        assertThat(s.healthy("nope")).isFalse();
        assertThat(s.healthy(null)).isFalse();
        assertThatThrownBy(() -> s.readRaw("nope")).isInstanceOf(FirmwareException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> s.fail("nope")).isInstanceOf(FirmwareException.class);
    }

    @Test
    void actuatorsRememberWhatWasDriven() {
        MemoryActuators a = new MemoryActuators();
        for (int i = 0; i < 9; i++) {
            a.add("out" + i);
        }
        a.add("out3"); // declared again: unchanged
        a.set("out3", 5);
        a.set("out8", -1);
        assertThat(a.get(new String("out3"))).isEqualTo(5L);
        assertThat(a.get("out8")).isEqualTo(-1L);
        assertThat(a.get("out0")).isZero();
        assertThatThrownBy(() -> a.get("relay")).isInstanceOf(FirmwareException.class).hasMessageContaining("relay");
        assertThatThrownBy(() -> a.set("relay", 1)).isInstanceOf(FirmwareException.class);
    }
}
