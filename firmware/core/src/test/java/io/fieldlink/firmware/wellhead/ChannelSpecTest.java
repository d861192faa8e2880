package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import org.junit.jupiter.api.Test;

class ChannelSpecTest {
    @Test
    void decodesSignedAndUnsignedWordsWithScale() {
        ChannelSpec temp = ChannelSpec.builder("t").registers(RegisterKind.INPUT, 1, 0).format(1, true).scale(10, 1)
                .build();
        assertThat(temp.decode(new int[] {0xFFF6})).isEqualTo(-100);
        ChannelSpec rate = ChannelSpec.builder("r").registers(RegisterKind.HOLDING, 1, 0).format(2, false)
                .scale(1, 10).build();
        assertThat(rate.decode(new int[] {0x0001, 0x86A0})).isEqualTo(10_000);
        ChannelSpec signed32 = ChannelSpec.builder("s").registers(RegisterKind.HOLDING, 1, 0).format(2, true).build();
        assertThat(signed32.decode(new int[] {0xFFFF, 0xFFFE})).isEqualTo(-2);
    }

    @Test
    void badSettingsNameTheChannel() {
        assertThatThrownBy(() -> ChannelSpec.builder("casing").registers(RegisterKind.INPUT, 1, 0)
                .limits(ChannelSpec.NO_LOW, 500, 400, ChannelSpec.NO_HIGH).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("channel casing: limits: need L < H");
        assertThatThrownBy(() -> ChannelSpec.builder("x").build()).hasMessage("channel x: registers: required");
    }
}
