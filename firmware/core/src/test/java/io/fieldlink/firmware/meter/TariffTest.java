package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TariffTest {

    static Tariff threeBand(int id) {
        return Tariff.builder(id)
                .band(WeekMask.EVERY_DAY, 0, 6, 80_000)
                .band(WeekMask.EVERY_DAY, 6, 18, 150_000)
                .band(WeekMask.EVERY_DAY, 18, 24, 250_000)
                .build();
    }

    @Test
    void pricesByHour() {
        Tariff t = threeBand(1);
        assertThat(t.priceAt(Instant.parse("2026-11-23T03:00:00Z").toEpochMilli(), 0)).isEqualTo(80_000);
        assertThat(t.priceAt(Instant.parse("2026-11-23T06:00:00Z").toEpochMilli(), 0)).isEqualTo(150_000);
        assertThat(t.priceAt(Instant.parse("2026-11-23T18:00:00Z").toEpochMilli(), 0)).isEqualTo(250_000);
    }

    @Test
    void laterBandOverridesOnWeekends() {
        Tariff t = Tariff.builder(2).band(WeekMask.EVERY_DAY, 0, 24, 150_000)
                .band(WeekMask.WEEKEND, 0, 24, 100_000).build();
        assertThat(t.priceAt(Instant.parse("2026-11-21T19:00:00Z").toEpochMilli(), 0)).isEqualTo(100_000);
        assertThat(t.priceAt(Instant.parse("2026-11-20T19:00:00Z").toEpochMilli(), 0)).isEqualTo(150_000);
    }

    @Test
    void buildNamesTheFirstUnpricedHour() {
        assertThatThrownBy(() -> Tariff.builder(3).band(WeekMask.EVERY_DAY, 0, 23, 1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("weekday 0 hour 23");
    }

    @Test
    void rejectsNegativePrice() {
        assertThatThrownBy(() -> Tariff.builder(4).band(WeekMask.EVERY_DAY, 0, 24, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price");
    }
}
