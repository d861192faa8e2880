package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.wellhead.modbus.RegisterKind;

/**
 * One Modbus sensor channel as the board file describes it: where its registers are, how raw
 * counts become an integer engineering value ({@code raw * multiplier / divisor + offset}, truncated), its
 * report-by-exception deadband and integrity period, and its alarm limits. Immutable; build with
 * {@link #builder(String)}.
 */
public final class ChannelSpec {
    /** Limit value meaning "no such alarm" for high levels. */
    public static final long NO_HIGH = Long.MAX_VALUE;
    /** Limit value meaning "no such alarm" for low levels. */
    public static final long NO_LOW = Long.MIN_VALUE;

    final String name;
    /** The name of the channel's fault telemetry, {@code <name>_fault}. */
    final String faultName;
    final String unit;
    final RegisterKind kind;
    final int unitId;
    final int address;
    final int words;
    final boolean signed;
    final long multiplier;
    final long divisor;
    final long offset;
    final long deadband;
    final long integrityMs;
    final long hh;
    final long h;
    final long l;
    final long ll;
    final long hysteresis;
    final long debounceMs;

    private ChannelSpec(Builder b) {
        name = b.name;
        faultName = b.name + "_fault";
        unit = b.unit;
        kind = b.kind;
        unitId = b.unitId;
        address = b.address;
        words = b.words;
        signed = b.signed;
        multiplier = b.multiplier;
        divisor = b.divisor;
        offset = b.offset;
        deadband = b.deadband;
        integrityMs = b.integrityMs;
        hh = b.hh;
        h = b.h;
        l = b.l;
        ll = b.ll;
        hysteresis = b.hysteresis;
        debounceMs = b.debounceMs;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** @return the engineering unit (values are milli-units of it), or null when the board gives none */
    public String unit() {
        return unit;
    }

    /** Converts the registers read (high word first) into the engineering value. */
    long decode(int[] regs) {
        long raw;
        if (words == 1) {
            raw = signed ? (short) regs[0] : regs[0] & 0xffff;
        } else {
            long v = ((long) (regs[0] & 0xffff) << 16) | (regs[1] & 0xffff);
            raw = signed ? (int) v : v;
        }
        return raw * multiplier / divisor + offset;
    }

    /** The limit of one alarm level (NO_HIGH / NO_LOW when unset). */
    long limit(AlarmLevel level) {
        switch (level) {
            case HH:
                return hh;
            case H:
                return h;
            case L:
                return l;
            default:
                return ll;
        }
    }

    /** Collects a channel's settings. */
    public static final class Builder {
        private final String name;
        private String unit;
        private RegisterKind kind;
        private int unitId;
        private int address;
        private int words = 1;
        private boolean signed;
        private long multiplier = 1;
        private long divisor = 1;
        private long offset;
        private long deadband;
        private long integrityMs = 3600 * 1000L;
        private long hh = NO_HIGH;
        private long h = NO_HIGH;
        private long l = NO_LOW;
        private long ll = NO_LOW;
        private long hysteresis;
        private long debounceMs;

        private Builder(String name) {
            this.name = name;
        }

        /** The engineering unit, e.g. {@code kPa} (default none). */
        public Builder unit(String u) {
            unit = u;
            return this;
        }

        /** Register table, slave unit and first register. Required. */
        public Builder registers(RegisterKind k, int unit, int firstAddress) {
            kind = k;
            unitId = unit;
            address = firstAddress;
            return this;
        }

        /** 1 (16-bit) or 2 (32-bit, high word first) registers (default 1), and whether signed (default no). */
        public Builder format(int registerCount, boolean isSigned) {
            words = registerCount;
            signed = isSigned;
            return this;
        }

        /** Engineering value = raw * multiplier / divisor + offset (default 1/1). */
        public Builder scale(long mul, long div) {
            multiplier = mul;
            divisor = div;
            return this;
        }

        /** Added after scaling (default 0). */
        public Builder offset(long v) {
            offset = v;
            return this;
        }

        /** Report when the value moves more than this from the last reported value (default 0). */
        public Builder deadband(long v) {
            deadband = v;
            return this;
        }

        /** Report at least this often even without movement, ms (default 1 h). */
        public Builder integrityMs(long v) {
            integrityMs = v;
            return this;
        }

        /** Alarm limits; pass NO_HIGH / NO_LOW for a level the channel does not have. */
        public Builder limits(long lowLow, long low, long high, long highHigh) {
            ll = lowLow;
            l = low;
            h = high;
            hh = highHigh;
            return this;
        }

        /** How far back inside a limit the value must come to clear its alarm (default 0). */
        public Builder hysteresis(long v) {
            hysteresis = v;
            return this;
        }

        /** How long a raise or clear condition must hold before it counts, ms (default 0). */
        public Builder debounceMs(long v) {
            debounceMs = v;
            return this;
        }

        /** @throws IllegalStateException naming the channel and the first bad setting */
        public ChannelSpec build() {
            if (name == null || name.length() == 0) {
                throw new IllegalStateException("channel name: required");
            }
            check(kind != null, "registers: required");
            check(unitId >= 0 && unitId <= 255, "unit id: not in 0..255");
            check(address >= 0 && address <= 65535 - words + 1, "address: not in 0..65535");
            check(words == 1 || words == 2, "register count: must be 1 or 2");
            check(divisor != 0, "scale divisor: zero");
            check(deadband >= 0, "deadband: negative");
            check(integrityMs > 0, "integrity period: must be > 0");
            check(hysteresis >= 0, "hysteresis: negative");
            check(debounceMs >= 0, "debounce: negative");
            check(ll == NO_LOW || l == NO_LOW || ll <= l, "limits: need LL <= L");
            check(h == NO_HIGH || hh == NO_HIGH || h <= hh, "limits: need H <= HH");
            check(l == NO_LOW || h == NO_HIGH || l < h, "limits: need L < H");
            return new ChannelSpec(this);
        }

        private void check(boolean ok, String what) {
            if (!ok) {
                throw new IllegalStateException("channel " + name + ": " + what);
            }
        }
    }
}
