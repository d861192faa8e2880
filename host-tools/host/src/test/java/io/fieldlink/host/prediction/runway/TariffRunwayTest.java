package io.fieldlink.host.prediction.runway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TariffRunwayTest {
    static final TariffBands METER_DEFAULT = TariffBands.parse("00:00-06:00=90,06:00-17:00=150,17:00-22:00=240,22:00-24:00=150");
    final TariffRunway runway = new TariffRunway(new RunwayEstimator(7, 3, 1));

    static double[] days(int n, double[] profile) {
        double[] out = new double[n * 24];
        for (int d = 0; d < n; d++) {
            System.arraycopy(profile, 0, out, d * 24, 24);
        }
        return out;
    }

    @Test
    void parsesTheMeterDefaultTariff() {
        assertThat(METER_DEFAULT.pricePerKwhMilli(0)).isEqualTo(90);
        assertThat(METER_DEFAULT.pricePerKwhMilli(17)).isEqualTo(240);
        assertThat(METER_DEFAULT.pricePerKwhMilli(23)).isEqualTo(150);
    }

    @Test
    void rejectsBadTariffs() {
        assertThatThrownBy(() -> TariffBands.parse("00:00-12:00=90")).hasMessageContaining("hour 12 uncovered");
        assertThatThrownBy(() -> TariffBands.parse("00:00-12:30=90,12:30-24:00=1")).hasMessageContaining("whole hours");
        assertThatThrownBy(() -> TariffBands.parse("00:00-13:00=90,12:00-24:00=1")).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> TariffBands.parse("00:00-24:00=x")).hasMessageContaining("not an integer");
    }

    /** Verifies that evening-heavy use at the evening price runs out sooner than flat use of the same energy. */
    @Test
    void eveningUseRunsOutSoonerThanFlatUse() {
        double[] flat = new double[24];
        java.util.Arrays.fill(flat, 500);
        double[] evening = new double[24];
        for (int h = 17; h < 22; h++) {
            evening[h] = 2_400;
        }
        Runway f = runway.runway(50_000, days(7, flat), METER_DEFAULT, 0);
        Runway e = runway.runway(50_000, days(7, evening), METER_DEFAULT, 0);
        assertThat(f.dailyRateMilli()).isEqualTo(500 * (6 * 90 + 11 * 150 + 5 * 240 + 2 * 150) / 1_000);
        assertThat(e.dailyRateMilli()).isEqualTo(12_000 * 240 / 1_000);
        assertThat(e.dailyRateMilli()).isGreaterThan(f.dailyRateMilli());
        assertThat(e.hoursLeft()).isLessThan(f.hoursLeft());
    }

    @Test
    void walksHourByHourFromNow() {
        double[] profile = new double[24];
        java.util.Arrays.fill(profile, 1_000);
        Runway r = runway.runway(1_000, days(1, profile), TariffBands.flat(100), 5);
        assertThat(r.hoursLeft()).isEqualTo(10);
        assertThat(r.reminderDays()).isEqualTo(1);
    }

    @Test
    void weighsRecentDaysMore() {
        double[] hours = new double[48];
        for (int h = 0; h < 24; h++) {
            hours[h] = 100;
            hours[24 + h] = 400;
        }
        long[] p = runway.profileMilliWh(hours);
        assertThat(p[0]).isEqualTo((100_000L + 2 * 400_000L) / 3);
    }

    @Test
    void noUseMeansUnlimitedAndNoCreditMeansZero() {
        assertThat(runway.runway(1_000, new double[24], METER_DEFAULT, 0).hoursLeft()).isEqualTo(Long.MAX_VALUE);
        double[] some = new double[24];
        some[3] = 10;
        assertThat(runway.runway(0, some, METER_DEFAULT, 0).hoursLeft()).isZero();
    }

    @Test
    void hourlyBandsShiftFromUtcToLocalHours() {
        long[] p = new long[24];
        java.util.Arrays.fill(p, 100);
        for (int h = 17; h < 22; h++) {
            p[h] = 240;
        }
        TariffBands utc = TariffBands.hourly(p);
        assertThat(utc.text()).isEqualTo("00:00-17:00=100,17:00-22:00=240,22:00-24:00=100");
        TariffBands plus2 = utc.atUtcOffset(120);
        assertThat(plus2.text()).isEqualTo("00:00-19:00=100,19:00-24:00=240");
        assertThat(plus2.pricePerKwhMilli(18)).isEqualTo(100);
        assertThat(plus2.pricePerKwhMilli(19)).isEqualTo(240);
        assertThat(utc.atUtcOffset(-180).pricePerKwhMilli(14)).isEqualTo(240);
        assertThat(TariffBands.parse(METER_DEFAULT.text()).text()).isEqualTo(METER_DEFAULT.text());
        assertThatThrownBy(() -> TariffBands.hourly(new long[23])).hasMessageContaining("24 hourly prices");
    }
}
