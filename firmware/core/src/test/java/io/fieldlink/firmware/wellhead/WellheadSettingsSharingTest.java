package io.fieldlink.firmware.wellhead;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import org.junit.jupiter.api.Test;

/** Boards built from one definition and configuration share one (immutable) settings object. */
class WellheadSettingsSharingTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void theSameDefinitionAndGasDayGiveTheSameSettings() {
        BoardDefinition def = BoardLoader.builtIn("wellhead");
        WellheadSettings a = WellheadBoard.settings(def, 6, 3 * HOUR);
        WellheadSettings b = WellheadBoard.settings(def, 6, 3 * HOUR);
        assertThat(b).isSameAs(a);
        assertThat(b.channels[0]).isSameAs(a.channels[0]);
    }

    @Test
    void anotherGasDayOrDefinitionGetsItsOwn() {
        BoardDefinition def = BoardLoader.builtIn("wellhead");
        WellheadSettings a = WellheadBoard.settings(def, 6, 3 * HOUR);
        WellheadSettings otherHour = WellheadBoard.settings(def, 7, 3 * HOUR);
        assertThat(otherHour).isNotSameAs(a);
        assertThat(otherHour.gasDayStartOffsetMs).isEqualTo(a.gasDayStartOffsetMs + HOUR);
        WellheadSettings otherOffset = WellheadBoard.settings(def, 6, 0);
        assertThat(otherOffset.gasDayStartOffsetMs).isEqualTo(6 * HOUR);
        BoardDefinition copy = BoardLoader.builtIn("wellhead");
        if (copy != def) {
            assertThat(WellheadBoard.settings(copy, 6, 3 * HOUR)).isNotSameAs(WellheadBoard.settings(def, 6, 3 * HOUR));
        }
        assertThat(WellheadBoard.settings(def, 6, 3 * HOUR).channels[0].faultName).isEqualTo("tubing_pressure_fault");
    }
}
