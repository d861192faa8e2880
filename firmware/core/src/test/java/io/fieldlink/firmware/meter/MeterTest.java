package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeterTest {

    private static final long KW = 1_000_000L;

    @Test
    void freshMeterHasNoCreditAndOpensTheRelay() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(150_000).build());
        assertThat(rig.meter.balance()).isZero();
        assertThat(rig.meter.relayClosed()).isFalse();
        assertThat(rig.meter.relayOpenReasons()).isEqualTo(Meter.RELAY_NO_CREDIT);
        assertThat(rig.events.all).extracting(RecordedEvents.Event::kind)
                .containsExactly(MeterEventKind.BOOTED, MeterEventKind.RELAY_OPENED);
    }

    @Test
    void creditClosesTheRelayAndIsReported() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(150_000).build());
        assertThat(rig.credit(1, 10_000).isOk()).isTrue();
        assertThat(rig.meter.balance()).isEqualTo(10_000);
        assertThat(rig.meter.relayClosed()).isTrue();
        assertThat(rig.events.of(MeterEventKind.CREDIT)).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo(10_000))
                .satisfies(e -> assertThat(e.reason()).isEqualTo("ok"));
        assertThat(rig.events.last().kind()).isEqualTo(MeterEventKind.RELAY_CLOSED);
    }

    /** Verifies that one hour at 1 kW under 150,000 milli/kWh charges exactly 150,000 and disconnects at zero. */
    @Test
    void chargesConsumptionAndDisconnectsAtZero() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(150_000).build());
        rig.credit(1, 150_000);
        rig.run(KW, 3599);
        assertThat(rig.meter.relayClosed()).isTrue();
        rig.run(KW, 1);
        assertThat(rig.meter.energyWh()).isEqualTo(1000);
        assertThat(rig.meter.balance()).isZero();
        assertThat(rig.meter.relayClosed()).isFalse();
        assertThat(rig.meter.ledger(new PrepaidLedger()).isBalanced()).isTrue();
    }

    @Test
    void replayedAndRefusedTokensAreEventsAndChangeNothing() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(150_000).build());
        rig.credit(5, 1000);
        assertThat(rig.credit(5, 1000).reason()).isEqualTo("replayed");
        assertThat(rig.meter.redeem("X:bad-signature", rig.now).reason()).isEqualTo("bad-signature");
        assertThat(rig.meter.redeem("garbage", rig.now).reason()).isEqualTo("malformed");
        assertThat(rig.credit(4, 1000).isOk()).as("small out-of-order accepted").isTrue();
        assertThat(rig.meter.balance()).isEqualTo(2000);
        assertThat(rig.events.of(MeterEventKind.CREDIT)).extracting(RecordedEvents.Event::reason)
                .containsExactly("ok", "replayed", "bad-signature", "malformed", "ok");
    }

    @Test
    void overLimitTokenIsRefused() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(150_000).maxCreditAmount(50_000).build());
        assertThat(rig.credit(1, 50_001).reason()).isEqualTo("over-limit");
        assertThat(rig.meter.highestTokenId()).isEqualTo(-1);
        assertThat(rig.meter.balance()).isZero();
    }

    @Test
    void friendlyHoursKeepTheSupplyOnAndAccrueDebt() {
        WeekMask nights = WeekMask.builder().hours(WeekMask.EVERY_DAY, 0, 6).build();
        MeterRig rig = new MeterRig(MeterRig.flatTariff(150_000).friendlyCredit(nights).build());
        assertThat(rig.meter.relayClosed()).isTrue();
        rig.run(KW, 3600);
        assertThat(rig.meter.balance()).isEqualTo(-150_000);
        assertThat(rig.meter.relayClosed()).isTrue();
        rig.now = MeterRig.MONDAY + 6 * 3_600_000L - 1000;
        rig.run(0, 1);
        assertThat(rig.meter.relayClosed()).isFalse();
        rig.credit(1, 200_000);
        assertThat(rig.meter.balance()).isEqualTo(50_000);
        assertThat(rig.meter.relayClosed()).isTrue();
    }

    @Test
    void emergencyCreditIsOfferedOnceAndRepaidFirst() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(100_000).emergencyCredit(20_000, 5_000).build());
        rig.credit(1, 10_000);
        assertThat(rig.meter.emergencyCreditAvailable()).isFalse();
        rig.run(KW, 216);
        assertThat(rig.meter.balance()).isEqualTo(4_000);
        assertThat(rig.meter.takeEmergencyCredit(rig.now)).isTrue();
        assertThat(rig.meter.takeEmergencyCredit(rig.now)).as("once until repaid").isFalse();
        assertThat(rig.meter.balance()).isEqualTo(24_000);
        rig.run(KW, 864);
        assertThat(rig.meter.balance()).isZero();
        assertThat(rig.meter.relayClosed()).isFalse();
        rig.credit(2, 30_000);
        assertThat(rig.meter.emergencyOwed()).isZero();
        assertThat(rig.meter.balance()).isEqualTo(10_000);
        assertThat(rig.events.of(MeterEventKind.EMERGENCY_REPAID)).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo(20_000));
        assertThat(rig.meter.ledger(new PrepaidLedger()).isBalanced()).isTrue();
    }

    @Test
    void lowCreditWarningsFireOncePerThresholdAndRearmOnTopUp() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(100_000).lowCreditThresholds(1_000, 5_000).build());
        rig.credit(1, 10_000);
        rig.run(KW, 360);
        assertThat(rig.events.of(MeterEventKind.LOW_CREDIT)).extracting(RecordedEvents.Event::value)
                .containsExactly(5_000L, 1_000L);
        rig.credit(2, 10_000);
        rig.run(KW, 324);
        assertThat(rig.events.of(MeterEventKind.LOW_CREDIT)).extracting(RecordedEvents.Event::value)
                .containsExactly(5_000L, 1_000L, 5_000L);
    }

    @Test
    void overloadTripsForTheLockout() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(100_000).maxPower(5 * KW, 30_000).build());
        rig.credit(1, 1_000_000);
        rig.run(6 * KW, 1);
        assertThat(rig.meter.relayOpenReasons()).isEqualTo(Meter.RELAY_OVERLOAD);
        rig.run(0, 29);
        assertThat(rig.meter.relayClosed()).isFalse();
        rig.run(0, 1);
        assertThat(rig.meter.relayClosed()).isTrue();
        assertThat(rig.events.of(MeterEventKind.OVERLOAD_TRIP)).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo(6 * KW));
    }

    @Test
    void tamperDisconnectsUntilClearedAndSurvivesReboot() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(100_000).build());
        rig.credit(1, 1_000_000);
        rig.meter.tamper(Meter.TAMPER_COVER_OPEN, rig.now);
        rig.meter.tamper(Meter.TAMPER_COVER_OPEN, rig.now);
        assertThat(rig.events.of(MeterEventKind.TAMPER)).hasSize(1);
        assertThat(rig.meter.relayOpenReasons()).isEqualTo(Meter.RELAY_TAMPER);
        rig.reboot();
        assertThat(rig.meter.relayOpenReasons()).isEqualTo(Meter.RELAY_TAMPER);
        assertThat(rig.meter.clearTamper(rig.now)).isEqualTo(Meter.TAMPER_COVER_OPEN);
        assertThat(rig.meter.relayClosed()).isTrue();
    }

    @Test
    void tamperOnlyReportsWhenConfiguredNotToDisconnect() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(100_000).tamperDisconnects(false).build());
        rig.credit(1, 1_000_000);
        rig.meter.tamper(Meter.TAMPER_MAGNETIC, rig.now);
        assertThat(rig.meter.tamperLatched()).isEqualTo(Meter.TAMPER_MAGNETIC);
        assertThat(rig.meter.relayClosed()).isTrue();
    }

    @Test
    void timeOfUseBandsChargeByHour() {
        Tariff tou = TariffTest.threeBand(7);
        MeterRig rig = new MeterRig(MeterConfig.builder(tou).build());
        rig.credit(1, 10_000_000);
        rig.now = MeterRig.MONDAY + 5 * 3_600_000L - 1000;
        rig.run(0, 1);
        rig.run(KW, 3600);
        long offPeakAndNormal = rig.meter.ledger(new PrepaidLedger()).energyCharged();
        assertThat(offPeakAndNormal).isEqualTo(80_000 - 80 + 150);
        rig.now = MeterRig.MONDAY + 18 * 3_600_000L - 1000;
        rig.run(0, 1);
        rig.run(KW, 3600);
        assertThat(rig.meter.ledger(new PrepaidLedger()).energyCharged() - offPeakAndNormal).isEqualTo(250_000);
    }

    @Test
    void scheduledTariffTakesEffectAtItsTimeAndSurvivesReboot() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(100_000).build());
        Tariff dearer = Tariff.builder(2).band(WeekMask.EVERY_DAY, 0, 24, 200_000).build();
        assertThat(rig.meter.scheduleTariff(dearer, rig.now + 60_000, rig.now)).isTrue();
        rig.reboot();
        assertThat(rig.meter.pendingTariffCount()).isEqualTo(1);
        rig.credit(1, 1_000_000);
        rig.run(0, 60);
        assertThat(rig.meter.currentTariff().id()).isEqualTo(2);
        assertThat(rig.events.of(MeterEventKind.TARIFF_CHANGED)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(MeterRig.MONDAY + 60_000));
    }

    @Test
    void dailyFixedChargeIsTakenAtEachLocalMidnight() {
        Tariff t = Tariff.builder(3).band(WeekMask.EVERY_DAY, 0, 24, 100_000).dailyFixedCharge(2_500).build();
        MeterRig rig = new MeterRig(MeterConfig.builder(t).utcOffsetSeconds(3600).build());
        rig.credit(1, 1_000_000);
        rig.now = MeterRig.MONDAY + 23 * 3_600_000L - 1000;
        rig.run(0, 1);
        assertThat(rig.meter.balance()).as("local midnight at 23:00 UTC").isEqualTo(997_500);
        rig.now += 2 * 86_400_000L;
        rig.reboot();
        assertThat(rig.meter.balance()).as("two days caught up at boot").isEqualTo(992_500);
    }

    /** Verifies that a credit cut at every byte of its snapshot write is either wholly there after reboot or wholly absent and redeemable. */
    @Test
    void creditCutAtAnyByteIsNeitherLostNorDoubled() {
        for (int cut = 0; cut < 400; cut += 7) {
            MeterRig rig = new MeterRig(MeterRig.flatTariff(100_000).build());
            rig.credit(1, 1000);
            rig.storage.cutPowerAfter(cut);
            boolean cutHit;
            try {
                rig.credit(2, 5000);
                cutHit = false;
            } catch (RuntimeException e) {
                cutHit = true;
            }
            rig.reboot();
            long b = rig.meter.balance();
            assertThat(b).as("cut %d", cut).isIn(1000L, 6000L);
            assertThat(cutHit || b == 6000).isTrue();
            CreditClaim again = rig.credit(2, 5000);
            assertThat(again.isOk()).isEqualTo(b == 1000);
            assertThat(rig.meter.balance()).isEqualTo(6000);
        }
    }

    @Test
    void balanceAndTokenMemorySurviveReboot() {
        MeterRig rig = new MeterRig(MeterRig.flatTariff(100_000).persistIntervalMillis(10_000).build());
        rig.credit(9, 100_000);
        rig.run(KW, 10);
        PrepaidLedger before = rig.meter.ledger(new PrepaidLedger());
        rig.reboot();
        assertThat(rig.meter.ledger(new PrepaidLedger()).toString()).isEqualTo(before.toString());
        assertThat(rig.credit(9, 100_000).reason()).isEqualTo("replayed");
    }
}
