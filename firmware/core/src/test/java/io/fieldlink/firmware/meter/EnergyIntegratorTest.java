package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EnergyIntegratorTest {

    /** Verifies that five million random samples give exactly floor(Σ p·t / 3.6e9) Wh, with the exact remainder. */
    @Test
    void millionsOfSamplesMatchTheExactReference() {
        EnergyIntegrator e = new EnergyIntegrator();
        SplittableRandom rnd = new SplittableRandom(42);
        BigInteger exact = BigInteger.ZERO;
        long returned = 0;
        for (int i = 0; i < 5_000_000; i++) {
            long p = rnd.nextLong(0, 25_000_000L);
            long d = 950 + rnd.nextLong(0, 101);
            returned += e.add(p, d);
            exact = exact.add(BigInteger.valueOf(p).multiply(BigInteger.valueOf(d)));
        }
        BigInteger[] qr = exact.divideAndRemainder(BigInteger.valueOf(EnergyIntegrator.MILLIWATT_MILLIS_PER_WH));
        assertThat(e.totalWh()).isEqualTo(qr[0].longValueExact()).isEqualTo(returned);
        assertThat(e.remainderMilliwattMillis()).isEqualTo(qr[1].longValueExact());
    }

    @Test
    void oneKilowattForOneHourIsOneThousandWh() {
        EnergyIntegrator e = new EnergyIntegrator();
        for (int i = 0; i < 3600; i++) {
            e.add(1_000_000L, 1000);
        }
        assertThat(e.totalWh()).isEqualTo(1000);
        assertThat(e.remainderMilliwattMillis()).isZero();
    }

    @Test
    void oneMilliwattForAThousandHoursIsOneWh() {
        EnergyIntegrator e = new EnergyIntegrator();
        for (int i = 0; i < 3_600_000; i++) {
            e.add(1, 1000);
        }
        assertThat(e.totalWh()).isEqualTo(1);
        assertThat(e.remainderMilliwattMillis()).isZero();
    }

    @Test
    void exportAndNegativeDurationsAddNothing() {
        EnergyIntegrator e = new EnergyIntegrator();
        assertThat(e.add(-5_000_000, 1000)).isZero();
        assertThat(e.add(5_000_000, -1000)).isZero();
        assertThat(e.remainderMilliwattMillis()).isZero();
    }

    @Test
    void restoreRejectsOutOfRangeRemainder() {
        EnergyIntegrator e = new EnergyIntegrator();
        assertThatThrownBy(() -> e.restore(1, EnergyIntegrator.MILLIWATT_MILLIS_PER_WH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remainder");
    }
}
