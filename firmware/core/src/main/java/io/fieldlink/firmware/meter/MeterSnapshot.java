package io.fieldlink.firmware.meter;

/**
 * The byte form of a {@link MeterState} (big-endian, version 1). Encoding is allocation-free into a
 * caller's buffer of at least {@link #MAX_SIZE} bytes; decoding checks every field and fails with
 * an {@link IllegalArgumentException} naming the field and offset. Integrity against torn writes is
 * the store's job (see {@link MeterStore}).
 */
final class MeterSnapshot {

    /** Largest encoded size. */
    static final int MAX_SIZE = 1400;
    private static final int VERSION = 1;

    private MeterSnapshot() {
    }

    static int encode(MeterState s, byte[] out) {
        int p = 0;
        out[p++] = VERSION;
        PrepaidLedger l = s.ledger;
        p = putLong(out, p, l.creditIn());
        p = putLong(out, p, l.energyCharged());
        p = putLong(out, p, l.fixedCharged());
        p = putLong(out, p, l.emergencyAdvanced());
        p = putLong(out, p, l.emergencyRepaid());
        p = putLong(out, p, l.balance());
        p = putLong(out, p, l.subMilliCarry());
        p = putLong(out, p, s.energy.totalWh());
        p = putLong(out, p, s.energy.remainderMilliwattMillis());
        p = putLong(out, p, s.tokens.highest());
        p = putLong(out, p, s.tokens.usedBelow());
        p = putLong(out, p, s.tamperLatched);
        p = putLong(out, p, s.tripUntilMillis);
        p = putLong(out, p, s.lastFixedChargeDay);
        TariffSchedule t = s.tariffs;
        p = putLong(out, p, t.currentFrom());
        p = putTariff(out, p, t.current());
        out[p++] = (byte) t.pendingCount();
        for (int i = 0; i < t.pendingCount(); i++) {
            p = putLong(out, p, t.pendingFrom(i));
            p = putTariff(out, p, t.pending(i));
        }
        return p;
    }

    static MeterState decode(byte[] in, int len) {
        Reader r = new Reader(in, len);
        int version = r.u8("version");
        if (version != VERSION) {
            throw new IllegalArgumentException("snapshot: unknown version " + version + " at offset 0");
        }
        long[] v = new long[14];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.i64("field " + i);
        }
        long currentFrom = r.i64("tariff from");
        Tariff current = r.tariff();
        MeterState s = new MeterState(current, currentFrom, v[13]);
        s.ledger.restore(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        s.energy.restore(v[7], v[8]);
        s.tokens.restore(v[9], v[10]);
        if (v[11] < 0 || v[11] > Meter.TAMPER_ALL) {
            throw new IllegalArgumentException("snapshot: tamper bits out of range: " + v[11]);
        }
        s.tamperLatched = (int) v[11];
        s.tripUntilMillis = v[12];
        int pending = r.u8("pending count");
        if (pending > TariffSchedule.MAX_PENDING) {
            throw new IllegalArgumentException("snapshot: pending tariff count out of range: " + pending);
        }
        for (int i = 0; i < pending; i++) {
            long from = r.i64("pending from");
            s.tariffs.schedule(r.tariff(), from);
        }
        if (r.pos != len) {
            throw new IllegalArgumentException("snapshot: " + (len - r.pos) + " trailing bytes at offset " + r.pos);
        }
        return s;
    }

    private static int putTariff(byte[] out, int p, Tariff t) {
        p = putLong(out, p, t.id());
        p = putLong(out, p, t.dailyFixedCharge());
        out[p++] = (byte) t.bandCount();
        for (int i = 0; i < t.bandCount(); i++) {
            out[p++] = (byte) t.bandDays(i);
            out[p++] = (byte) t.bandFromHour(i);
            out[p++] = (byte) t.bandToHour(i);
            p = putLong(out, p, t.bandPrice(i));
        }
        return p;
    }

    static int putLong(byte[] out, int p, long v) {
        for (int i = 7; i >= 0; i--) {
            out[p++] = (byte) (v >>> (i * 8));
        }
        return p;
    }

    static long getLong(byte[] in, int p) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (in[p + i] & 0xFF);
        }
        return v;
    }

    private static final class Reader {
        private final byte[] in;
        private final int len;
        int pos;

        Reader(byte[] in, int len) {
            this.in = in;
            this.len = len;
        }

        int u8(String field) {
            need(1, field);
            return in[pos++] & 0xFF;
        }

        long i64(String field) {
            need(8, field);
            long v = getLong(in, pos);
            pos += 8;
            return v;
        }

        Tariff tariff() {
            long id = i64("tariff id");
            long fixed = i64("tariff fixed charge");
            int bands = u8("tariff band count");
            if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("snapshot: tariff id out of range: " + id);
            }
            try {
                Tariff.Builder b = Tariff.builder((int) id).dailyFixedCharge(fixed);
                for (int i = 0; i < bands; i++) {
                    int d = u8("band days");
                    int f = u8("band from");
                    int t = u8("band to");
                    b.band(d, f, t, i64("band price"));
                }
                return b.build();
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("snapshot: bad tariff before offset " + pos + ": "
                        + e.getMessage(), e);
            }
        }

        private void need(int n, String field) {
            if (pos + n > len) {
                throw new IllegalArgumentException("snapshot: truncated at offset " + pos + " reading " + field);
            }
        }
    }
}
