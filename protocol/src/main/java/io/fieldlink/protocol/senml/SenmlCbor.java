package io.fieldlink.protocol.senml;

import io.fieldlink.protocol.cbor.CborException;
import io.fieldlink.protocol.cbor.CborLimits;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;
import io.fieldlink.protocol.cbor.CborWriter;

/**
 * SenML in CBOR (RFC 8428 §6, content-format 112): an array of maps with integer labels.
 *
 * <p>Encoding writes labels in the order of the RFC's example (bn, bt, bu, bv, bs, bver, n, u, t, ut,
 * v, vs, vb, vd, s); a number holding an integer below 2^53 is written as a CBOR integer, any other as
 * the shortest exact float. With a warm, reused {@link CborWriter} encoding allocates nothing.
 *
 * <p>Decoding accepts integer or float numbers, definite or indefinite lengths, skips unknown labels
 * except text labels ending in '_' (must-understand), and rejects a duplicate field or a second kind
 * of value in a record. Every failure is a {@link SenmlException} naming the record and field.
 * Stateless and thread-safe.
 */
public final class SenmlCbor {
    /** CoAP content-format of application/senml+cbor. */
    public static final int CONTENT_FORMAT = 112;

    private static final double TWO_53 = 9007199254740992.0;

    private SenmlCbor() {
    }

    /** Appends the pack to {@code out}. */
    public static void encode(SenmlPack pack, CborWriter out) {
        int n = pack.size();
        out.writeArrayHeader(n);
        for (int i = 0; i < n; i++) {
            writeRecord(pack.get(i), out);
        }
    }

    /** The pack as a new byte array. */
    public static byte[] encode(SenmlPack pack) {
        CborWriter w = new CborWriter(32 + pack.size() * 24);
        encode(pack, w);
        return w.toByteArray();
    }

    private static void writeRecord(SenmlRecord r, CborWriter w) {
        w.writeMapHeader(fieldCount(r));
        if (r.baseName() != null) {
            w.writeInt(SenmlLabel.BASE_NAME).writeText(r.baseName());
        }
        if (r.hasBaseTime()) {
            number(w.writeInt(SenmlLabel.BASE_TIME), r.baseTime());
        }
        if (r.baseUnit() != null) {
            w.writeInt(SenmlLabel.BASE_UNIT).writeText(r.baseUnit());
        }
        if (r.hasBaseValue()) {
            number(w.writeInt(SenmlLabel.BASE_VALUE), r.baseValue());
        }
        if (r.hasBaseSum()) {
            number(w.writeInt(SenmlLabel.BASE_SUM), r.baseSum());
        }
        if (r.hasBaseVersion()) {
            w.writeInt(SenmlLabel.BASE_VERSION).writeInt(r.baseVersion());
        }
        if (r.name() != null) {
            w.writeInt(SenmlLabel.NAME).writeText(r.name());
        }
        if (r.unit() != null) {
            w.writeInt(SenmlLabel.UNIT).writeText(r.unit());
        }
        if (r.hasTime()) {
            number(w.writeInt(SenmlLabel.TIME), r.time());
        }
        if (r.hasUpdateTime()) {
            number(w.writeInt(SenmlLabel.UPDATE_TIME), r.updateTime());
        }
        if (r.hasValue()) {
            number(w.writeInt(SenmlLabel.VALUE), r.value());
        } else if (r.stringValue() != null) {
            w.writeInt(SenmlLabel.STRING_VALUE).writeText(r.stringValue());
        } else if (r.hasBoolValue()) {
            w.writeInt(SenmlLabel.BOOL_VALUE).writeBoolean(r.boolValue());
        } else if (r.dataValue() != null) {
            w.writeInt(SenmlLabel.DATA_VALUE).writeBytes(r.dataValue());
        }
        if (r.hasSum()) {
            number(w.writeInt(SenmlLabel.SUM), r.sum());
        }
    }

    private static int fieldCount(SenmlRecord r) {
        int n = 0;
        n += r.baseName() != null ? 1 : 0;
        n += r.hasBaseTime() ? 1 : 0;
        n += r.baseUnit() != null ? 1 : 0;
        n += r.hasBaseValue() ? 1 : 0;
        n += r.hasBaseSum() ? 1 : 0;
        n += r.hasBaseVersion() ? 1 : 0;
        n += r.name() != null ? 1 : 0;
        n += r.unit() != null ? 1 : 0;
        n += r.hasTime() ? 1 : 0;
        n += r.hasUpdateTime() ? 1 : 0;
        n += r.hasValue() || r.stringValue() != null || r.hasBoolValue() || r.dataValue() != null ? 1 : 0;
        n += r.hasSum() ? 1 : 0;
        return n;
    }

    static void number(CborWriter w, double v) {
        if (v == Math.rint(v) && Math.abs(v) < TWO_53 && !(v == 0 && 1 / v < 0)) {
            w.writeInt((long) v);
        } else {
            w.writeFloat(v);
        }
    }

    /** Decodes a whole payload with default CBOR limits. */
    public static SenmlPack decode(byte[] payload) {
        SenmlPack pack = new SenmlPack();
        decode(payload, 0, payload.length, pack);
        return pack;
    }

    /** Decodes {@code len} bytes from {@code off} into {@code into} (cleared first; on failure its content is unspecified). */
    public static void decode(byte[] payload, int off, int len, SenmlPack into) {
        CborReader r = new CborReader(payload, off, len, CborLimits.DEFAULTS);
        read(r, -1, into);
        if (r.hasMore()) {
            throw new SenmlException("senml: bytes left after the pack at offset " + r.position());
        }
    }

    /**
     * Decodes the pack at {@code r}'s position, where it lies inside {@code containers} open
     * containers of a larger message whose reader {@code r} is (one pass: nothing is copied or read
     * twice), into {@code into} (cleared first; on failure its content is unspecified). Depth and
     * per-container limits count from the outermost container, as a skip of the whole message
     * would; offsets in errors count from the start of {@code r}'s input.
     */
    public static void decode(CborReader r, int containers, SenmlPack into) {
        if (containers < 0) {
            throw new IllegalArgumentException("containers " + containers);
        }
        read(r, containers, into);
    }

    /** {@code containers} -1: a pack of its own (unknown fields skipped as items of their own). */
    private static void read(CborReader r, int containers, SenmlPack into) {
        into.clear();
        CborFields fields = new CborFields(r);
        int index = -1;
        boolean inside = containers >= 0;
        try {
            int n = r.readArrayHeader();
            for (index = 0; n < 0 ? !r.isBreak() : index < n; index++) {
                if (inside && n < 0) {
                    r.countEntry(index + 1);
                }
                readRecord(r, fields, into.add(), index, containers);
            }
            if (n < 0) {
                r.readBreak();
            }
        } catch (CborException e) {
            throw new SenmlException(index < 0 ? "senml: " + e.getMessage() : "senml[" + index + "]: " + e.getMessage(), e);
        }
    }

    private static void readRecord(CborReader r, CborFields fields, SenmlRecord rec, int index, int containers) {
        int n = r.readMapHeader();
        fields.startRecord(index);
        boolean inside = containers >= 0;
        // a field's value lies inside the pack's array and the record's map
        int valueNesting = inside ? containers + 2 : 0;
        for (int i = 0; n < 0 ? !r.isBreak() : i < n; i++) {
            if (inside && n < 0) {
                r.countEntry(i + 1);
            }
            CborType keyType = r.peekType();
            if (keyType == CborType.TEXT) {
                fields.unknown(r.readText());
                r.skipInside(valueNesting);
                continue;
            }
            if (keyType != CborType.UNSIGNED && keyType != CborType.NEGATIVE) {
                throw new SenmlException("senml[" + index + "]: label must be an integer, found " + keyType.description());
            }
            long label = r.readInt();
            if (label < SenmlLabel.BASE_SUM || label > SenmlLabel.DATA_VALUE) {
                r.skipInside(valueNesting);
                continue;
            }
            fields.read((int) label, rec);
        }
        if (n < 0) {
            r.readBreak();
        }
    }

    /** Field values as CBOR items: numbers may be integers or floats. */
    private static final class CborFields extends FieldSource {
        private final CborReader r;

        CborFields(CborReader r) {
            this.r = r;
        }

        @Override
        String text(int label) {
            expect(CborType.TEXT, label);
            return r.readText();
        }

        @Override
        double number(int label) {
            CborType t = r.peekType();
            if (t == CborType.FLOAT) {
                return r.readFloat();
            }
            if (t != CborType.UNSIGNED && t != CborType.NEGATIVE) {
                throw wrong(label, "number", t.description());
            }
            return r.readInt();
        }

        @Override
        boolean bool(int label) {
            expect(CborType.SIMPLE, label);
            return r.readBoolean();
        }

        @Override
        byte[] data(int label) {
            expect(CborType.BYTES, label);
            return r.readBytes();
        }

        @Override
        long version(int label) {
            expect(CborType.UNSIGNED, label);
            return r.readInt();
        }

        private void expect(CborType type, int label) {
            CborType t = r.peekType();
            if (t != type) {
                throw wrong(label, type == CborType.SIMPLE ? "boolean" : type.description(), t.description());
            }
        }
    }
}
