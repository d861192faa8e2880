package io.fieldlink.protocol.senml;

import io.fieldlink.protocol.json.JsonException;
import io.fieldlink.protocol.json.JsonReader;
import io.fieldlink.protocol.json.JsonToken;
import io.fieldlink.protocol.json.JsonWriter;

/**
 * SenML in JSON (RFC 8428 §5, content-format 110): an array of objects; data values in base64url
 * without padding. Same field order, number and validation rules as {@link SenmlCbor}; every
 * failure is a {@link SenmlException} naming the record and field. Stateless and thread-safe.
 */
public final class SenmlJson {
    /** CoAP content-format of application/senml+json. */
    public static final int CONTENT_FORMAT = 110;

    private static final int VALUE_BITS = SenmlLabel.bit(SenmlLabel.VALUE) | SenmlLabel.bit(SenmlLabel.STRING_VALUE)
            | SenmlLabel.bit(SenmlLabel.BOOL_VALUE) | SenmlLabel.bit(SenmlLabel.DATA_VALUE);

    private SenmlJson() {
    }

    /** Appends the pack as compact JSON to {@code out}. */
    public static void encode(SenmlPack pack, StringBuilder out) {
        JsonWriter w = new JsonWriter(out);
        w.beginArray();
        for (int i = 0; i < pack.size(); i++) {
            writeRecord(pack.get(i), w);
        }
        w.endArray();
    }

    public static String encode(SenmlPack pack) {
        StringBuilder sb = new StringBuilder();
        encode(pack, sb);
        return sb.toString();
    }

    static void writeRecord(SenmlRecord r, JsonWriter w) {
        w.beginObject();
        if (r.baseName() != null) {
            w.name("bn").value(r.baseName());
        }
        if (r.hasBaseTime()) {
            w.name("bt").value(r.baseTime());
        }
        if (r.baseUnit() != null) {
            w.name("bu").value(r.baseUnit());
        }
        if (r.hasBaseValue()) {
            w.name("bv").value(r.baseValue());
        }
        if (r.hasBaseSum()) {
            w.name("bs").value(r.baseSum());
        }
        if (r.hasBaseVersion()) {
            w.name("bver").value(r.baseVersion());
        }
        if (r.name() != null) {
            w.name("n").value(r.name());
        }
        if (r.unit() != null) {
            w.name("u").value(r.unit());
        }
        if (r.hasTime()) {
            w.name("t").value(r.time());
        }
        if (r.hasUpdateTime()) {
            w.name("ut").value(r.updateTime());
        }
        if (r.hasValue()) {
            w.name("v").value(r.value());
        } else if (r.stringValue() != null) {
            w.name("vs").value(r.stringValue());
        } else if (r.hasBoolValue()) {
            w.name("vb").value(r.boolValue());
        } else if (r.dataValue() != null) {
            w.name("vd").value(Base64Url.encode(r.dataValue()));
        }
        if (r.hasSum()) {
            w.name("s").value(r.sum());
        }
        w.endObject();
    }

    public static SenmlPack decode(String json) {
        SenmlPack pack = new SenmlPack();
        decode(json, pack);
        return pack;
    }

    /** Decodes into {@code into} (cleared first; on failure its content is unspecified). */
    public static void decode(String json, SenmlPack into) {
        into.clear();
        JsonReader r = new JsonReader(json);
        int index = -1;
        try {
            r.beginArray();
            for (index = 0; r.hasNext(); index++) {
                readRecord(r, into.add(), index);
            }
            r.endArray();
            index = -1;
            r.peek();
        } catch (JsonException e) {
            throw new SenmlException(index < 0 ? "senml: " + e.getMessage() : "senml[" + index + "]: " + e.getMessage(), e);
        }
    }

    private static void readRecord(JsonReader r, SenmlRecord rec, int index) {
        r.beginObject();
        int seen = 0;
        while (r.hasNext()) {
            String name = r.nextName();
            int label = SenmlLabel.ofJsonName(name);
            if (label == SenmlLabel.UNKNOWN) {
                if (SenmlLabel.mustUnderstand(name)) {
                    throw new SenmlException("senml[" + index + "]: unsupported must-understand field " + name);
                }
                r.skipValue();
                continue;
            }
            int bit = SenmlLabel.bit(label);
            if ((seen & bit) != 0) {
                throw new SenmlException("senml[" + index + "]: duplicate field " + name);
            }
            if ((bit & VALUE_BITS) != 0 && (seen & VALUE_BITS) != 0) {
                throw new SenmlException("senml[" + index + "]: more than one value field");
            }
            seen |= bit;
            readField(r, rec, label, index);
        }
        r.endObject();
    }

    private static void readField(JsonReader r, SenmlRecord rec, int label, int index) {
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
                double v = number(r, label, index);
                if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                    throw new SenmlException("senml[" + index + "].bver: expected a non-negative integer, found " + v);
                }
                rec.baseVersion((long) v);
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
                expect(r, JsonToken.BOOLEAN, label, index);
                rec.boolValue(r.nextBoolean());
                return;
            case SenmlLabel.DATA_VALUE:
                String encoded = text(r, label, index);
                try {
                    rec.dataValue(Base64Url.decode(encoded));
                } catch (IllegalArgumentException e) {
                    throw new SenmlException("senml[" + index + "].vd: " + e.getMessage(), e);
                }
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

    private static String text(JsonReader r, int label, int index) {
        expect(r, JsonToken.STRING, label, index);
        return r.nextString();
    }

    private static double number(JsonReader r, int label, int index) {
        expect(r, JsonToken.NUMBER, label, index);
        return r.nextDouble();
    }

    private static void expect(JsonReader r, JsonToken token, int label, int index) {
        JsonToken t = r.peek();
        if (t != token) {
            throw new SenmlException("senml[" + index + "]." + SenmlLabel.jsonName(label) + ": expected "
                    + token.description() + ", found " + t.description());
        }
    }
}
