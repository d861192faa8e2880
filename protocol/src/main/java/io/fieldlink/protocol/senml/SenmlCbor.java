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
    private static final int VALUE_BITS = SenmlLabel.bit(SenmlLabel.VALUE) | SenmlLabel.bit(SenmlLabel.STRING_VALUE)
            | SenmlLabel.bit(SenmlLabel.BOOL_VALUE) | SenmlLabel.bit(SenmlLabel.DATA_VALUE);

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
        into.clear();
        CborReader r = new CborReader(payload, off, len, CborLimits.DEFAULTS);
        int index = -1;
        try {
            int n = r.readArrayHeader();
            for (index = 0; n < 0 ? !r.isBreak() : index < n; index++) {
                readRecord(r, into.add(), index);
            }
            if (n < 0) {
                r.readBreak();
            }
            if (r.hasMore()) {
                throw new SenmlException("senml: bytes left after the pack at offset " + r.position());
            }
        } catch (CborException e) {
            throw new SenmlException(index < 0 ? "senml: " + e.getMessage() : "senml[" + index + "]: " + e.getMessage(), e);
        }
    }

    private static void readRecord(CborReader r, SenmlRecord rec, int index) {
        int n = r.readMapHeader();
        int seen = 0;
        for (int i = 0; n < 0 ? !r.isBreak() : i < n; i++) {
            CborType keyType = r.peekType();
            if (keyType == CborType.TEXT) {
                String key = r.readText();
                if (SenmlLabel.mustUnderstand(key)) {
                    throw new SenmlException("senml[" + index + "]: unsupported must-understand field " + key);
                }
                r.skip();
                continue;
            }
            if (keyType != CborType.UNSIGNED && keyType != CborType.NEGATIVE) {
                throw new SenmlException("senml[" + index + "]: label must be an integer, found " + keyType.description());
            }
            long label = r.readInt();
            if (label < SenmlLabel.BASE_SUM || label > SenmlLabel.DATA_VALUE) {
                r.skip();
                continue;
            }
            int bit = SenmlLabel.bit((int) label);
            if ((seen & bit) != 0) {
                throw new SenmlException("senml[" + index + "]: duplicate field " + SenmlLabel.jsonName((int) label));
            }
            if ((bit & VALUE_BITS) != 0 && (seen & VALUE_BITS) != 0) {
                throw new SenmlException("senml[" + index + "]: more than one value field");
            }
            seen |= bit;
            readField(r, rec, (int) label, index);
        }
        if (n < 0) {
            r.readBreak();
        }
    }

    private static void readField(CborReader r, SenmlRecord rec, int label, int index) {
        switch (label) {
            case SenmlLabel.BASE_NAME:
                rec.baseName(text(r, label, index));
                return;
            case SenmlLabel.BASE_TIME:
                rec.baseTime(number(r, label, index));
                return;
            case SenmlLabel.BASE_UNIT:
                rec.baseUnit(text(r, label, index));
                return;
            case SenmlLabel.BASE_VALUE:
                rec.baseValue(number(r, label, index));
                return;
            case SenmlLabel.BASE_SUM:
                rec.baseSum(number(r, label, index));
                return;
            case SenmlLabel.BASE_VERSION:
                expect(r, CborType.UNSIGNED, label, index);
                rec.baseVersion(r.readInt());
                return;
            case SenmlLabel.NAME:
                rec.name(text(r, label, index));
                return;
            case SenmlLabel.UNIT:
                rec.unit(text(r, label, index));
                return;
            case SenmlLabel.VALUE:
                rec.value(number(r, label, index));
                return;
            case SenmlLabel.STRING_VALUE:
                rec.stringValue(text(r, label, index));
                return;
            case SenmlLabel.BOOL_VALUE:
                expect(r, CborType.SIMPLE, label, index);
                rec.boolValue(r.readBoolean());
                return;
            case SenmlLabel.DATA_VALUE:
                expect(r, CborType.BYTES, label, index);
                rec.dataValue(r.readBytes());
                return;
            case SenmlLabel.SUM:
                rec.sum(number(r, label, index));
                return;
            case SenmlLabel.TIME:
                rec.time(number(r, label, index));
                return;
            default:
                rec.updateTime(number(r, label, index));
        }
    }

    private static String text(CborReader r, int label, int index) {
        expect(r, CborType.TEXT, label, index);
        return r.readText();
    }

    private static double number(CborReader r, int label, int index) {
        CborType t = r.peekType();
        if (t == CborType.FLOAT) {
            return r.readFloat();
        }
        if (t != CborType.UNSIGNED && t != CborType.NEGATIVE) {
            throw wrong(label, index, "number", t);
        }
        return r.readInt();
    }

    private static void expect(CborReader r, CborType type, int label, int index) {
        CborType t = r.peekType();
        if (t != type) {
            throw wrong(label, index, type == CborType.SIMPLE ? "boolean" : type.description(), t);
        }
    }

    private static SenmlException wrong(int label, int index, String expected, CborType found) {
        return new SenmlException("senml[" + index + "]." + SenmlLabel.jsonName(label) + ": expected " + expected
                + ", found " + found.description());
    }
}
