package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.hal.memory.PowerLossException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thirty simulated days of one meter at one sample per second, with random top-ups (some replayed,
 * some out of order), emergency credit, tamper, overloads and random power cuts (storage cut
 * mid-write, or RAM lost between writes, then an outage and a reboot). After every step it checks
 * the money identity against the test's own tallies, exact energy charges against an independent
 * reference, and the relay against the rules.
 */
class MeterThirtyDayTest {

    private static final long K = EnergyIntegrator.MILLIWATT_MILLIS_PER_WH;
    private static final long EMERGENCY = 20_000;
    private static final long FIXED = 2_000;
    private static final long MAX_POWER = 8_000_000;
    private static final long LOCKOUT = 60_000;
    private static final long PERSIST = 60_000;

    private final SplittableRandom rnd = new SplittableRandom(20261121);
    private MeterRig rig;
    private long refCreditIn;
    private long refEmergencyAdvanced;
    private long refEnergy;
    private long refThousandths;
    private long tripUntil;
    private long firstDay;
    private int cutsMidWrite;
    private int cutsBetweenWrites;
    private int topUps;
    private int replaysRefused;

    @Test
    void identityAndRelayRulesHoldThroughThirtyDaysOfFaults() {
        WeekMask friendly = WeekMask.builder().hours(WeekMask.EVERY_DAY, 0, 6).hours(WeekMask.WEEKEND, 0, 24).build();
        MeterConfig config = MeterConfig.builder(Tariff.builder(1)
                        .band(WeekMask.EVERY_DAY, 0, 6, 80_123)
                        .band(WeekMask.EVERY_DAY, 6, 18, 150_457)
                        .band(WeekMask.EVERY_DAY, 18, 24, 250_999)
                        .dailyFixedCharge(FIXED).build())
                .emergencyCredit(EMERGENCY, 10_000)
                .lowCreditThresholds(5_000, 20_000)
                .friendlyCredit(friendly)
                .maxPower(MAX_POWER, LOCKOUT)
                .persistIntervalMillis(PERSIST)
                .build();
        rig = new MeterRig(config);
        firstDay = WeekClock.day(rig.now, 0);
        long end = rig.now + 30L * 86_400_000L;
        List<Long> accepted = new ArrayList<>();
        long nextTokenId = 1;
        long heldBack = -1;
        long tamperClearAt = 0;
        long load = 1_000_000;
        while (rig.now < end) {
            try {
                if (rnd.nextInt(15_000) == 0) {
                    long id;
                    if (heldBack >= 0) {
                        id = heldBack;
                        heldBack = -1;
                    } else if (rnd.nextInt(5) == 0) {
                        heldBack = nextTokenId++;
                        id = nextTokenId++;
                    } else {
                        id = nextTokenId++;
                    }
                    long amount = 20_000 + rnd.nextLong(400_000);
                    if (rig.credit(id, amount).isOk()) {
                        refCreditIn += amount;
                        accepted.add(id);
                        topUps++;
                    }
                    check();
                }
                if (!accepted.isEmpty() && rnd.nextInt(200_000) == 0) {
                    long old = accepted.get(rnd.nextInt(accepted.size()));
                    assertThat(rig.credit(old, 999_999).reason()).isEqualTo("replayed");
                    replaysRefused++;
                }
                if (rig.meter.emergencyCreditAvailable() && rnd.nextInt(600) == 0) {
                    assertThat(rig.meter.takeEmergencyCredit(rig.now)).isTrue();
                    refEmergencyAdvanced += EMERGENCY;
                    check();
                }
                if (tamperClearAt == 0 && rnd.nextInt(800_000) == 0) {
                    rig.meter.tamper(Meter.TAMPER_MAGNETIC, rig.now);
                    tamperClearAt = rig.now + 2 * 3_600_000L;
                    check();
                } else if (tamperClearAt != 0 && rig.now >= tamperClearAt) {
                    rig.meter.clearTamper(rig.now);
                    tamperClearAt = 0;
                    check();
                }
                if (rnd.nextInt(40_000) == 0) {
                    rig.storage.cutPowerAfter(rnd.nextInt(300));
                }
                if (rnd.nextInt(150_000) == 0) {
                    cutsBetweenWrites++;
                    outageAndReboot();
                    continue;
                }
                load = Math.max(200_000, Math.min(6_000_000, load + rnd.nextLong(-50_000, 50_001)));
                long power = rig.meter.relayClosed() ? (rnd.nextInt(100_000) == 0 ? 9_000_000 : load) : 0;
                step(power);
            } catch (PowerLossException e) {
                cutsMidWrite++;
                outageAndReboot();
            }
        }
        check();
        PrepaidLedger l = rig.meter.ledger(new PrepaidLedger());
        assertThat(l.creditIn() + l.emergencyAdvanced() - l.emergencyRepaid() - l.charges()).isEqualTo(l.balance());
        assertThat(cutsMidWrite).isGreaterThan(10);
        assertThat(cutsBetweenWrites).isGreaterThan(3);
        assertThat(topUps).isGreaterThan(50);
        assertThat(refEmergencyAdvanced).isPositive();
    }

    private void step(long power) {
        long before = rig.now;
        rig.now += 1000;
        boolean tripsNow = power > MAX_POWER && tripUntil == 0;
        try {
            rig.meter.onSample(rig.sample.set(230_000, (int) (power / 230), 950, 50_000, power), rig.now);
        } catch (PowerLossException e) {
            rig.now = before + 1000;
            throw e;
        }
        long energyBefore = refEnergy;
        refEnergy += power * 1000;
        long wh = refEnergy / K - energyBefore / K;
        refThousandths += wh * rig.meter.currentTariff().priceAt(rig.now, 0);
        if (tripsNow) {
            tripUntil = rig.now + LOCKOUT;
        } else if (tripUntil != 0 && rig.now >= tripUntil) {
            tripUntil = 0;
        }
        check();
    }

    private void check() {
        Meter m = rig.meter;
        PrepaidLedger l = m.ledger(new PrepaidLedger());
        assertThat(l.isBalanced()).as("ledger identity %s", l).isTrue();
        assertThat(l.creditIn()).isEqualTo(refCreditIn);
        assertThat(l.emergencyAdvanced()).isEqualTo(refEmergencyAdvanced);
        assertThat(l.emergencyOwed()).isBetween(0L, EMERGENCY);
        assertThat(refCreditIn + refEmergencyAdvanced - l.emergencyRepaid() - l.energyCharged() - l.fixedCharged())
                .isEqualTo(m.balance());
        assertThat(l.energyCharged() * 1000 + l.subMilliCarry()).isEqualTo(refThousandths);
        assertThat(m.energyWh()).isEqualTo(refEnergy / K);
        assertThat(l.fixedCharged()).isEqualTo((WeekClock.day(rig.now, 0) - firstDay) * FIXED);
        int expect = 0;
        if (m.balance() <= 0 && !m.isFriendly(rig.now)) {
            expect |= Meter.RELAY_NO_CREDIT;
        }
        if (m.tamperLatched() != 0) {
            expect |= Meter.RELAY_TAMPER;
        }
        if (tripUntil != 0) {
            expect |= Meter.RELAY_OVERLOAD;
        }
        assertThat(m.relayOpenReasons()).as("relay at %d balance %d", rig.now, m.balance()).isEqualTo(expect);
    }

    /** RAM is lost: outage of up to two hours, reboot, re-base the energy reference on what was committed. */
    private void outageAndReboot() {
        PrepaidLedger before = rig.meter.ledger(new PrepaidLedger());
        long whBefore = rig.meter.energyWh();
        rig.now += rnd.nextLong(1000, 2 * 3_600_000L);
        rig.reboot();
        PrepaidLedger after = rig.meter.ledger(new PrepaidLedger());
        assertThat(after.creditIn()).as("no credit lost or doubled").isEqualTo(refCreditIn);
        assertThat(after.energyCharged()).isLessThanOrEqualTo(before.energyCharged());
        long maxUncommittedWh = MAX_POWER * (PERSIST + 2000) / K + 1;
        assertThat(whBefore - rig.meter.energyWh()).as("uncommitted energy lost at a cut").isBetween(0L, maxUncommittedWh);
        assertThat(before.energyCharged() - after.energyCharged()).isLessThanOrEqualTo(maxUncommittedWh * 251);
        refEnergy = rig.meter.energyWh() * K + energyRemainder();
        refThousandths = after.energyCharged() * 1000 + after.subMilliCarry();
        if (tripUntil != 0 && (rig.meter.relayOpenReasons() & Meter.RELAY_OVERLOAD) == 0) {
            tripUntil = 0;
        }
        check();
    }

    private long energyRemainder() {
        byte[] buf = new byte[MeterSnapshot.MAX_SIZE];
        int n = io.fieldlink.firmware.journal.Journal.open(rig.storage.area("journal"), rig.storage.area("snapshot"))
                .readState(buf, 0);
        return MeterSnapshot.decode(buf, n).energy.remainderMilliwattMillis();
    }
}
