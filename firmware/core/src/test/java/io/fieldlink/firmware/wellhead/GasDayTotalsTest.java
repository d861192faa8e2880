package io.fieldlink.firmware.wellhead;

import static io.fieldlink.firmware.wellhead.GasDayTotals.GAS;
import static io.fieldlink.firmware.wellhead.GasDayTotals.OIL;
import static io.fieldlink.firmware.wellhead.GasDayTotals.WATER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GasDayTotalsTest {
    static final long DAY = 86_400_000L;
    static final long HOUR = 3_600_000L;
    /** 06:00 local at UTC+03:00 is 03:00 UTC. */
    static final long OFFSET = 3 * HOUR;
    static final long DAY0 = 20_000 * DAY + OFFSET;

    final RecordingWellEvents ev = new RecordingWellEvents();
    final GasDayTotals totals = new GasDayTotals(OFFSET, 60_000, ev, new long[] {DAY, DAY, DAY});

    void sample(long t, long oil, long gas, long water) {
        totals.advance(t);
        totals.rate(OIL, oil, true);
        totals.rate(GAS, gas, true);
        totals.rate(WATER, water, true);
    }

    @Test
    void constantRatesGiveExactDailyTotalsAtTheGasDayBoundary() {
        // odd 7 s sampling that never lands on the boundary; rates that do not divide a day evenly
        for (long t = DAY0 - HOUR; t <= DAY0 + 2 * DAY + HOUR; t += 7_000) {
            sample(t, 1_234, 987_654, 7);
        }
        assertThat(ev.days).hasSize(3);
        long[] first = ev.days.get(0); // partial: the hour before DAY0 (started mid-day)
        assertThat(first[0]).isEqualTo(DAY0 - DAY);
        long[] full = ev.days.get(1);
        assertThat(full[0]).isEqualTo(DAY0);
        assertThat(full[1]).isEqualTo(1_234);
        assertThat(full[2]).isEqualTo(987_654);
        assertThat(full[3]).isEqualTo(7);
        assertThat(full[4]).isZero();
        assertThat(ev.days.get(2)[0]).isEqualTo(DAY0 + DAY);
    }

    @Test
    void nothingIsLostToRounding() {
        long integral = 0; // litre-ms/day of oil, computed independently
        long last = -1;
        long rate = 0;
        long[] rates = {1, 3, 17, 999, 12_345, 5, 0, 86_399};
        int i = 0;
        for (long t = DAY0 + 123; t < DAY0 + 3 * DAY; t += 59_999) {
            if (last >= 0) {
                integral += rate * (t - last);
            }
            rate = rates[i++ % rates.length];
            sample(t, rate, 0, 0);
            last = t;
        }
        long reported = ev.days.stream().mapToLong(d -> d[1]).sum() + totals.todayLitres(OIL);
        assertThat(reported * DAY + totals.remainder(OIL)).isEqualTo(integral);
        assertThat(totals.remainder(OIL)).isLessThan(DAY);
    }

    @Test
    void faultyRateAndLongGapsAreUnmeasuredNotGuessed() {
        sample(DAY0, 1_000, 0, 0);
        sample(DAY0 + HOUR, 1_000, 0, 0); // far more than the 60 s gap: board was down
        totals.advance(DAY0 + HOUR + 30_000);
        totals.rate(OIL, 1_000, false);
        totals.advance(DAY0 + HOUR + 60_000);
        totals.advance(DAY0 + DAY);
        assertThat(ev.days).hasSize(1);
        long[] d = ev.days.get(0);
        assertThat(d[1]).isZero(); // 30 s at 1000 L/day is 0.35 L: carried, not lost
        assertThat(totals.remainder(OIL)).isEqualTo(1_000 * 30_000L);
        assertThat(d[4]).isEqualTo(DAY - 30_000);
    }

    /** Verifies that a jump of weeks (clock set, long outage) closes the day once, not every day in between. */
    @Test
    void aJumpOfManyDaysClosesTheDayInProgressOnceAndStartsAfresh() {
        sample(DAY0 + HOUR, 1_440_000, 0, 0); // 1,000 L a minute
        sample(DAY0 + HOUR + 60_000, 1_440_000, 0, 0);
        sample(DAY0 + 30 * DAY + 5 * HOUR, 1_440_000, 0, 0);
        sample(DAY0 + 31 * DAY + HOUR, 1_440_000, 0, 0);

        assertThat(ev.days).hasSize(2);
        assertThat(ev.days.get(0)[0]).isEqualTo(DAY0);
        assertThat(ev.days.get(0)[1]).isEqualTo(1_000); // one measured minute
        assertThat(ev.days.get(0)[4]).isEqualTo(DAY - HOUR - 60_000); // the rest unmeasured
        assertThat(ev.days.get(1)[0]).isEqualTo(DAY0 + 30 * DAY);
        assertThat(ev.days.get(1)[4]).isEqualTo(DAY); // from its start to the jump, then a 20 h gap
    }
}
