package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MeterSnapshotTest {

    private static MeterState sample() {
        MeterState s = new MeterState(TariffTest.threeBand(1), 1000, 20000);
        s.ledger.credit(50_000);
        s.ledger.advanceEmergency(5000);
        s.ledger.chargeEnergy(7, 123_456);
        s.ledger.chargeFixed(300);
        s.energy.add(1_500_000, 1_000_000);
        s.tokens.markUsed(40);
        s.tokens.markUsed(38);
        s.tamperLatched = Meter.TAMPER_MAGNETIC;
        s.tripUntilMillis = 123_456_789L;
        s.tariffs.schedule(Tariff.builder(7).dailyFixedCharge(900).band(WeekMask.EVERY_DAY, 0, 24, 1).build(), 5000);
        return s;
    }

    @Test
    void roundTrips() {
        MeterState s = sample();
        byte[] buf = new byte[MeterSnapshot.MAX_SIZE];
        int n = MeterSnapshot.encode(s, buf);
        MeterState r = MeterSnapshot.decode(buf, n);
        byte[] again = new byte[MeterSnapshot.MAX_SIZE];
        assertThat(MeterSnapshot.encode(r, again)).isEqualTo(n);
        assertThat(Arrays.copyOf(again, n)).isEqualTo(Arrays.copyOf(buf, n));
        assertThat(r.ledger.toString()).isEqualTo(s.ledger.toString());
        assertThat(r.tariffs.pending(0).dailyFixedCharge()).isEqualTo(900);
        assertThat(r.tokens.isFresh(38)).isFalse();
        assertThat(r.tokens.isFresh(39)).isTrue();
    }

    @Test
    void largestStateFits() {
        MeterState s = new MeterState(fullTariff(0), 0, 0);
        for (int i = 0; i < TariffSchedule.MAX_PENDING; i++) {
            s.tariffs.schedule(fullTariff(i + 1), i + 1);
        }
        assertThat(MeterSnapshot.encode(s, new byte[MeterSnapshot.MAX_SIZE])).isLessThanOrEqualTo(MeterSnapshot.MAX_SIZE);
    }

    @Test
    void everyTruncationIsRejectedWithTheOffset() {
        MeterState s = sample();
        byte[] buf = new byte[MeterSnapshot.MAX_SIZE];
        int n = MeterSnapshot.encode(s, buf);
        for (int len = 0; len < n; len++) {
            int l = len;
            assertThatThrownBy(() -> MeterSnapshot.decode(buf, l)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset");
        }
    }

    private static Tariff fullTariff(int id) {
        Tariff.Builder b = Tariff.builder(id);
        for (int i = 0; i < Tariff.MAX_BANDS; i++) {
            b.band(WeekMask.EVERY_DAY, 0, 24, i);
        }
        return b.build();
    }
}
