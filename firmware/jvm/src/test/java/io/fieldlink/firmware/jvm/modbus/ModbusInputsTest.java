package io.fieldlink.firmware.jvm.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.boards.ModbusType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies how {@link ModbusInputs} decodes registers and which channels it takes (polling: FieldBusAndTimeWarpTest). */
class ModbusInputsTest {
    @Test
    void registersDecodeHighWordFirstSignedAndUnsigned() {
        assertThat(ModbusInputs.decode(ModbusType.UINT16, new int[] {0xfffe})).isEqualTo(65_534);
        assertThat(ModbusInputs.decode(ModbusType.INT16, new int[] {0xfffe})).isEqualTo(-2);
        assertThat(ModbusInputs.decode(ModbusType.UINT32, new int[] {0xffff, 0xfffe})).isEqualTo(4_294_967_294L);
        assertThat(ModbusInputs.decode(ModbusType.INT32, new int[] {0xffff, 0xfffe})).isEqualTo(-2);
        assertThat(ModbusInputs.decode(ModbusType.UINT32, new int[] {1, 2})).isEqualTo(65_538);
    }

    @Test
    void aChannelWithoutAModbusPointIsRefused() {
        assertThatThrownBy(() -> new ModbusInputs(List.of(BoardLoader.builtIn("meter").channels().get(0)), null, Runnable::run, 200))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no Modbus point");
    }
}
