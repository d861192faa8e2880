package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrepaidLedgerTest {

    @Test
    void creditRaisesBalance() {
        PrepaidLedger l = new PrepaidLedger();
        assertThat(l.credit(5000)).isZero();
        assertThat(l.balance()).isEqualTo(5000);
        assertThat(l.isBalanced()).isTrue();
    }

    /** Verifies that charging carries the sub-milli part: 1 Wh at 1,234 milli/kWh is 1.234 milli, so 1000 Wh is exactly 1234. */
    @Test
    void energyChargeCarriesSubMilliRemainder() {
        PrepaidLedger l = new PrepaidLedger();
        long charged = 0;
        for (int i = 0; i < 1000; i++) {
            charged += l.chargeEnergy(1, 1234);
        }
        assertThat(charged).isEqualTo(1234);
        assertThat(l.subMilliCarry()).isZero();
        assertThat(l.balance()).isEqualTo(-1234);
        assertThat(l.isBalanced()).isTrue();
    }

    @Test
    void randomChargesLoseAndCreateNothing() {
        PrepaidLedger l = new PrepaidLedger();
        SplittableRandom rnd = new SplittableRandom(7);
        long exactThousandths = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long wh = rnd.nextLong(0, 4);
            long price = rnd.nextLong(0, 400_000);
            l.chargeEnergy(wh, price);
            exactThousandths += wh * price;
            assertThat(l.isBalanced()).isTrue();
        }
        assertThat(l.energyCharged() * 1000 + l.subMilliCarry()).isEqualTo(exactThousandths);
    }

    @Test
    void topUpRepaysEmergencyCreditFirst() {
        PrepaidLedger l = new PrepaidLedger();
        l.advanceEmergency(2000);
        l.chargeEnergy(10, 150_000);
        assertThat(l.balance()).isEqualTo(500);
        assertThat(l.credit(1500)).isEqualTo(1500);
        assertThat(l.emergencyOwed()).isEqualTo(500);
        assertThat(l.balance()).isEqualTo(500);
        assertThat(l.credit(3000)).isEqualTo(500);
        assertThat(l.emergencyOwed()).isZero();
        assertThat(l.balance()).isEqualTo(3000);
        assertThat(l.isBalanced()).isTrue();
    }

    @Test
    void restoreRejectsCountersThatBreakTheIdentity() {
        PrepaidLedger l = new PrepaidLedger();
        assertThatThrownBy(() -> l.restore(100, 0, 0, 0, 0, 99, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identity");
        assertThat(l.balance()).isZero();
    }

    @Test
    void rejectsNonPositiveCredit() {
        PrepaidLedger l = new PrepaidLedger();
        assertThatThrownBy(() -> l.credit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(l.creditIn()).isZero();
    }
}
