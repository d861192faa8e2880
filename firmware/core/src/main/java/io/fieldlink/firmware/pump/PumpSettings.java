package io.fieldlink.firmware.pump;

import io.fieldlink.protocol.token.BookingRules;

/**
 * Everything the pump app takes from the board file and station configuration, typed and checked.
 * Build with {@link #builder()}; {@link Builder#build()} names the first bad or missing setting.
 * Immutable.
 */
public final class PumpSettings {
    final String stationId;
    final int pumpNumber;
    final int pulsesPerKg;
    final long graceSeconds;
    final long maxFillGrams;
    final long priceMilliPerKg;
    final boolean walkInAllowed;
    final long authoriseTimeoutMs;
    final long noFlowTimeoutMs;
    final long storageLowMbar;
    final long storageHysteresisMbar;
    final long dayStartOffsetMs;
    final int usedTokenCapacity;

    private PumpSettings(Builder b) {
        stationId = b.stationId;
        pumpNumber = b.pumpNumber;
        pulsesPerKg = b.pulsesPerKg;
        graceSeconds = b.graceSeconds;
        maxFillGrams = b.maxFillGrams;
        priceMilliPerKg = b.priceMilliPerKg;
        walkInAllowed = b.walkInAllowed;
        authoriseTimeoutMs = b.authoriseTimeoutMs;
        noFlowTimeoutMs = b.noFlowTimeoutMs;
        storageLowMbar = b.storageLowMbar;
        storageHysteresisMbar = b.storageHysteresisMbar;
        dayStartOffsetMs = b.dayStartOffsetMs;
        usedTokenCapacity = b.usedTokenCapacity;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String stationId() {
        return stationId;
    }

    public int pumpNumber() {
        return pumpNumber;
    }

    public long priceMilliPerKg() {
        return priceMilliPerKg;
    }

    /** @return the booking rules these settings give the token verifier */
    public BookingRules bookingRules() {
        return new BookingRules(stationId, pumpNumber, graceSeconds, maxFillGrams);
    }

    public boolean walkInAllowed() {
        return walkInAllowed;
    }

    /** Collects settings; defaults are noted per setter. */
    public static final class Builder {
        private String stationId;
        private int pumpNumber = 1;
        private int pulsesPerKg;
        private long graceSeconds = 5 * 60;
        private long maxFillGrams = 20000;
        private long priceMilliPerKg = -1;
        private boolean walkInAllowed;
        private long authoriseTimeoutMs = 120 * 1000L;
        private long noFlowTimeoutMs = 30 * 1000L;
        private long storageLowMbar = 150000;
        private long storageHysteresisMbar = 10000;
        private long dayStartOffsetMs;
        private int usedTokenCapacity = 512;

        private Builder() {
        }

        /** Station id tokens must name. Required. */
        public Builder stationId(String v) {
            stationId = v;
            return this;
        }

        /** This pump's number, 1.. (default 1). */
        public Builder pumpNumber(int v) {
            pumpNumber = v;
            return this;
        }

        /** Flow-meter pulses per kilogram, from the board file. Required. */
        public Builder pulsesPerKg(int v) {
            pulsesPerKg = v;
            return this;
        }

        /** Grace around a booking slot for clock drift, seconds (default 5 min). */
        public Builder graceSeconds(long v) {
            graceSeconds = v;
            return this;
        }

        /** Largest single fill, grams (default 20 kg). */
        public Builder maxFillGrams(long v) {
            maxFillGrams = v;
            return this;
        }

        /** Unit price, milli-units per kg. Required. */
        public Builder priceMilliPerKg(long v) {
            priceMilliPerKg = v;
            return this;
        }

        /** Whether fills without a booking are allowed (default no). */
        public Builder walkInAllowed(boolean v) {
            walkInAllowed = v;
            return this;
        }

        /** How long an authorised fill waits for the nozzle, ms (default 2 min). */
        public Builder authoriseTimeoutMs(long v) {
            authoriseTimeoutMs = v;
            return this;
        }

        /** How long a running fill may see no meter pulse, ms (default 30 s). */
        public Builder noFlowTimeoutMs(long v) {
            noFlowTimeoutMs = v;
            return this;
        }

        /** Storage pressure below which the low-storage alarm rises, mbar (default 150 bar). */
        public Builder storageLowMbar(long v) {
            storageLowMbar = v;
            return this;
        }

        /** How far above the low limit pressure must recover to clear the alarm, mbar (default 10 bar). */
        public Builder storageHysteresisMbar(long v) {
            storageHysteresisMbar = v;
            return this;
        }

        /** Start of the station's business day after UTC midnight, ms; may be negative (default 0). */
        public Builder dayStartOffsetMs(long v) {
            dayStartOffsetMs = v;
            return this;
        }

        /** How many unexpired used tokens to remember (default 512). */
        public Builder usedTokenCapacity(int v) {
            usedTokenCapacity = v;
            return this;
        }

        /** @throws IllegalStateException naming the first missing or contradictory setting */
        public PumpSettings build() {
            if (stationId == null || stationId.length() == 0) {
                throw new IllegalStateException("stationId: required");
            }
            check(pumpNumber >= 1, "pumpNumber: must be >= 1");
            check(pulsesPerKg >= 1 && pulsesPerKg <= 1000000, "pulsesPerKg: required, 1..1000000");
            check(graceSeconds >= 0, "graceSeconds: negative");
            check(maxFillGrams > 0, "maxFillGrams: must be > 0");
            check(priceMilliPerKg >= 0, "priceMilliPerKg: required, >= 0");
            check(authoriseTimeoutMs > 0, "authoriseTimeoutMs: must be > 0");
            check(noFlowTimeoutMs > 0, "noFlowTimeoutMs: must be > 0");
            check(storageLowMbar >= 0 && storageHysteresisMbar >= 0, "storageLowMbar/storageHysteresisMbar: negative");
            check(dayStartOffsetMs > -86400000L && dayStartOffsetMs < 86400000L, "dayStartOffsetMs: not within a day");
            check(usedTokenCapacity >= 1 && usedTokenCapacity <= 4096, "usedTokenCapacity: 1..4096");
            return new PumpSettings(this);
        }

        private static void check(boolean ok, String what) {
            if (!ok) {
                throw new IllegalStateException(what);
            }
        }
    }
}
