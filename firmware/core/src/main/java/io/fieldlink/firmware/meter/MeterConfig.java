package io.fieldlink.firmware.meter;

import java.util.Arrays;

/**
 * A meter's settings, each with its default. Immutable; built with {@link #builder(Tariff)}, whose
 * {@link Builder#build()} rejects contradictory settings with an {@link IllegalStateException}
 * naming them. Amounts are milli-units, powers mW, durations ms.
 */
public final class MeterConfig {

    final int utcOffsetSeconds;
    final long sampleIntervalMillis;
    final long maxSampleGapMillis;
    final long emergencyCreditAmount;
    final long emergencyThreshold;
    final long[] lowCreditThresholds;
    final WeekMask friendlyCredit;
    final long maxPowerMilliwatts;
    final long tripLockoutMillis;
    final boolean tamperDisconnects;
    final long persistIntervalMillis;
    final long maxCreditAmount;
    final Tariff initialTariff;

    private MeterConfig(Builder b) {
        utcOffsetSeconds = b.utcOffsetSeconds;
        sampleIntervalMillis = b.sampleIntervalMillis;
        maxSampleGapMillis = b.maxSampleGapMillis;
        emergencyCreditAmount = b.emergencyCreditAmount;
        emergencyThreshold = b.emergencyThreshold;
        lowCreditThresholds = b.lowCreditThresholds.clone();
        Arrays.sort(lowCreditThresholds);
        for (int i = 0, j = lowCreditThresholds.length - 1; i < j; i++, j--) {
            long t = lowCreditThresholds[i];
            lowCreditThresholds[i] = lowCreditThresholds[j];
            lowCreditThresholds[j] = t;
        }
        friendlyCredit = b.friendlyCredit;
        maxPowerMilliwatts = b.maxPowerMilliwatts;
        tripLockoutMillis = b.tripLockoutMillis;
        tamperDisconnects = b.tamperDisconnects;
        persistIntervalMillis = b.persistIntervalMillis;
        maxCreditAmount = b.maxCreditAmount;
        initialTariff = b.initialTariff;
    }

    /** A builder; {@code initialTariff} is the tariff a factory-fresh meter starts with. */
    public static Builder builder(Tariff initialTariff) {
        return new Builder(initialTariff);
    }

    /** Sampling period (board setting). */
    public long sampleIntervalMillis() {
        return sampleIntervalMillis;
    }

    /** Local time offset from UTC, seconds. */
    public int utcOffsetSeconds() {
        return utcOffsetSeconds;
    }

    /** Low-credit warning thresholds, highest first. */
    public long lowCreditThreshold(int i) {
        return lowCreditThresholds[i];
    }

    /** Number of low-credit warning thresholds. */
    public int lowCreditThresholdCount() {
        return lowCreditThresholds.length;
    }

    /** Settings with their defaults. */
    public static final class Builder {
        private final Tariff initialTariff;
        private int utcOffsetSeconds;
        private long sampleIntervalMillis = 1000;
        private long maxSampleGapMillis = 5000;
        private long emergencyCreditAmount;
        private long emergencyThreshold;
        private long[] lowCreditThresholds = new long[0];
        private WeekMask friendlyCredit = WeekMask.none();
        private long maxPowerMilliwatts;
        private long tripLockoutMillis = 60000;
        private boolean tamperDisconnects = true;
        private long persistIntervalMillis = 60000;
        private long maxCreditAmount = PrepaidLedger.MAX_AMOUNT;

        private Builder(Tariff initialTariff) {
            this.initialTariff = initialTariff;
        }

        /** Local time offset from UTC in seconds (default 0), for tariff bands and friendly hours. */
        public Builder utcOffsetSeconds(int v) {
            utcOffsetSeconds = v;
            return this;
        }

        /** Sampling period (default 1000 ms). */
        public Builder sampleIntervalMillis(long v) {
            sampleIntervalMillis = v;
            return this;
        }

        /** Longest gap between samples that is integrated (default 5000 ms); longer gaps count this much. */
        public Builder maxSampleGapMillis(long v) {
            maxSampleGapMillis = v;
            return this;
        }

        /** Emergency credit lent on request (default 0: none), and the balance under which it is offered. */
        public Builder emergencyCredit(long amount, long offeredBelowBalance) {
            emergencyCreditAmount = amount;
            emergencyThreshold = offeredBelowBalance;
            return this;
        }

        /** Balances under which a low-credit warning is raised once each (default none). */
        public Builder lowCreditThresholds(long... v) {
            lowCreditThresholds = v.clone();
            return this;
        }

        /** Hours in which the relay is never opened for lack of credit and no warnings sound (default none). */
        public Builder friendlyCredit(WeekMask v) {
            friendlyCredit = v;
            return this;
        }

        /** Power above which the relay trips (default 0: no limit), and how long it stays open (default 60 s). */
        public Builder maxPower(long milliwatts, long lockoutMillis) {
            maxPowerMilliwatts = milliwatts;
            tripLockoutMillis = lockoutMillis;
            return this;
        }

        /** Whether a tamper input opens the relay until a technician clears it (default true). */
        public Builder tamperDisconnects(boolean v) {
            tamperDisconnects = v;
            return this;
        }

        /** Longest time charged consumption waits in RAM before a snapshot (default 60 s). */
        public Builder persistIntervalMillis(long v) {
            persistIntervalMillis = v;
            return this;
        }

        /** Largest single top-up accepted (default {@link PrepaidLedger#MAX_AMOUNT}). */
        public Builder maxCreditAmount(long v) {
            maxCreditAmount = v;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalStateException naming the setting that is missing, out of range or contradictory
         */
        public MeterConfig build() {
            if (initialTariff == null) {
                throw new IllegalStateException("initialTariff is required");
            }
            if (sampleIntervalMillis <= 0) {
                throw new IllegalStateException("sampleIntervalMillis must be positive: " + sampleIntervalMillis);
            }
            if (maxSampleGapMillis < sampleIntervalMillis) {
                throw new IllegalStateException("maxSampleGapMillis " + maxSampleGapMillis
                        + " is shorter than sampleIntervalMillis " + sampleIntervalMillis);
            }
            if (emergencyCreditAmount < 0 || emergencyCreditAmount > PrepaidLedger.MAX_AMOUNT) {
                throw new IllegalStateException("emergency credit amount out of range: " + emergencyCreditAmount);
            }
            if (emergencyCreditAmount == 0 && emergencyThreshold != 0) {
                throw new IllegalStateException("emergency credit threshold set but amount is 0");
            }
            if (friendlyCredit == null) {
                throw new IllegalStateException("friendlyCredit is null");
            }
            if (maxPowerMilliwatts < 0 || tripLockoutMillis < 0) {
                throw new IllegalStateException("maxPower/lockout must not be negative");
            }
            if (persistIntervalMillis <= 0) {
                throw new IllegalStateException("persistIntervalMillis must be positive: " + persistIntervalMillis);
            }
            if (maxCreditAmount <= 0 || maxCreditAmount > PrepaidLedger.MAX_AMOUNT) {
                throw new IllegalStateException("maxCreditAmount out of range: " + maxCreditAmount);
            }
            for (long t : lowCreditThresholds) {
                if (t <= 0) {
                    throw new IllegalStateException("low-credit threshold must be positive: " + t);
                }
            }
            return new MeterConfig(this);
        }
    }
}
