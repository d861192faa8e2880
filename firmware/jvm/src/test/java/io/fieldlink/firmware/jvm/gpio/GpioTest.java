package io.fieldlink.firmware.jvm.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.FirmwareException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Verifies the GPIO bindings on Pi4J's mock provider: outputs drive pins, inputs follow mocked pin states. */
class GpioTest {
    private static final BoardDefinition METER = BoardLoader.builtIn("meter");
    private static final BoardDefinition PUMP = BoardLoader.builtIn("pump");
    private final Context pi4j = Pi4J.newAutoContext();

    @AfterEach
    void stop() {
        pi4j.shutdown();
    }

    @Test
    void outputsStartSafeAndDriveTheirPins() {
        GpioActuators out = new GpioActuators(pi4j, METER, PinMap.parse(List.of("relay=17")));

        assertThat(out.get("relay")).as("the meter's relay is safe closed").isEqualTo(1);
        assertThat(out.pin("relay").state()).isEqualTo(DigitalState.HIGH);
        out.set("relay", 0);
        assertThat(out.pin("relay").state()).isEqualTo(DigitalState.LOW);
        assertThat(out.get("relay")).isZero();

        out.set("buzzer", 1);
        assertThat(out.get("buzzer")).as("an output with no pin is kept in memory").isEqualTo(1);
        assertThat(out.pin("buzzer")).isNull();
        assertThatThrownBy(() -> out.set("valve", 1)).isInstanceOf(FirmwareException.class).hasMessageContaining("no output valve");
    }

    @Test
    void digitalInputsFollowThePinAndCountersCountRisingEdges() {
        GpioInputs in = new GpioInputs(pi4j, PUMP, PinMap.parse(List.of("nozzle=27", "flow_pulses=22")));
        MockDigitalInput nozzle = (MockDigitalInput) in.input("nozzle");
        MockDigitalInput flow = (MockDigitalInput) in.input("flow_pulses");

        assertThat(in.value("nozzle")).isZero();
        nozzle.mockState(DigitalState.HIGH);
        await(() -> in.value("nozzle") == 1);
        for (int i = 0; i < 5; i++) {
            flow.mockState(DigitalState.HIGH);
            flow.mockState(DigitalState.LOW);
        }
        await(() -> in.value("flow_pulses") == 5);
        nozzle.mockState(DigitalState.LOW);
        await(() -> in.value("nozzle") == 0);
        assertThat(in.wired("storage_pressure")).isFalse();
    }

    @Test
    void wiringThatDoesNotFitTheBoardIsRefusedByName() {
        assertThatThrownBy(() -> new GpioInputs(pi4j, PUMP, PinMap.parse(List.of("storage_pressure=5"))))
                .hasMessageContaining("only digital and counter channels");
        assertThatThrownBy(() -> new GpioInputs(pi4j, PUMP, PinMap.parse(List.of("door=5")))).hasMessageContaining("no channel door");
        assertThatThrownBy(() -> new GpioActuators(pi4j, PUMP, PinMap.parse(List.of("relay=5")))).hasMessageContaining("no output relay");
        assertThatThrownBy(() -> PinMap.parse(List.of("relay"))).hasMessageContaining("NAME=BCM_PIN");
        assertThatThrownBy(() -> PinMap.parse(List.of("relay=x"))).hasMessageContaining("not a GPIO number");
        assertThatThrownBy(() -> PinMap.parse(List.of("relay=99"))).hasMessageContaining("not in 0..53");
        assertThatThrownBy(() -> PinMap.parse(List.of("relay=5", "buzzer=5"))).hasMessageContaining("already used");
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L); // poll, do not spin: two shared cores
        }
    }
}
