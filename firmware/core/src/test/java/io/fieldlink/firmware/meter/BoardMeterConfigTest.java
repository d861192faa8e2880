package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.kernel.BoardConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BoardMeterConfigTest {
    /** Monday 2026-11-23 00:00 UTC. */
    static final long MONDAY = Instant.parse("2026-11-23T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;

    final BoardConfig config = new BoardConfig(BoardLoader.builtIn("meter"),
            new Settings(new MemoryStorage().addArea("settings", 4096).area("settings")));

    @Test
    void theMeterBoardDefaultsBecomeTheEngineRules() {
        MeterConfig c = BoardMeterConfig.from(config);
        Tariff t = c.initialTariff;
        assertThat(t.priceAt(MONDAY + 3 * HOUR, 0)).isEqualTo(90);
        assertThat(t.priceAt(MONDAY + 12 * HOUR, 0)).isEqualTo(150);
        assertThat(t.priceAt(MONDAY + 20 * HOUR, 0)).isEqualTo(240);
        assertThat(t.priceAt(MONDAY + 23 * HOUR, 0)).isEqualTo(150);
        assertThat(c.emergencyCreditAmount).isEqualTo(5000);
        assertThat(c.emergencyThreshold).isEqualTo(1000);
        assertThat(c.lowCreditThreshold(0)).isEqualTo(2000);
        assertThat(c.maxPowerMilliwatts).isEqualTo(9_200_000);
        assertThat(c.friendlyCredit.contains(MONDAY + 19 * HOUR, 0)).isTrue();
        assertThat(c.friendlyCredit.contains(MONDAY + 7 * HOUR, 0)).isTrue();
        assertThat(c.friendlyCredit.contains(MONDAY + 12 * HOUR, 0)).isFalse();
        assertThat(c.friendlyCredit.contains(MONDAY + 5 * 24 * HOUR + 12 * HOUR, 0)).as("saturday noon").isTrue();
        assertThat(c.persistIntervalMillis).isEqualTo(60_000);
    }

    @Test
    void thePersistIntervalComesFromTheBoardAndMustBePositive() {
        assertThat(config.set("persist_interval", "15min")).isNull();
        assertThat(BoardMeterConfig.from(config).persistIntervalMillis).isEqualTo(900_000);
        assertThat(config.set("persist_interval", "0s")).isNull();
        assertThatThrownBy(() -> BoardMeterConfig.from(config)).hasMessageContaining("persist_interval");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> BoardMeterConfig.tariff("00:00-06:30=90")).hasMessageContaining("tariff_bands");
        assertThatThrownBy(() -> BoardMeterConfig.tariff("00:00-24:00=cheap")).hasMessageContaining("tariff_bands");
        assertThatThrownBy(() -> BoardMeterConfig.days("sat,holiday")).hasMessageContaining("friendly_days");
    }
}
