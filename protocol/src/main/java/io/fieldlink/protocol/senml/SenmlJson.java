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
        JsonFields fields = new JsonFields(r);
        int index = -1;
        try {
            r.beginArray();
            for (index = 0; r.hasNext(); index++) {
                readRecord(r, fields, into.add(), index);
            }
            r.endArray();
            index = -1;
            r.peek();
        } catch (JsonException e) {
            throw new SenmlException(index < 0 ? "senml: " + e.getMessage() : "senml[" + index + "]: " + e.getMessage(), e);
        }
    }

    private static void readRecord(JsonReader r, JsonFields fields, SenmlRecord rec, int index) {
        r.beginObject();
        fields.startRecord(index);
        while (r.hasNext()) {
            String name = r.nextName();
            int label = SenmlLabel.ofJsonName(name);
            if (label == SenmlLabel.UNKNOWN) {
                fields.unknown(name);
                r.skipValue();
                continue;
            }
            fields.read(label, rec);
        }
        r.endObject();
    }

    /** Field values as JSON tokens: data values in base64url, the version a non-negative integral number. */
    private static final class JsonFields extends FieldSource {
        private final JsonReader r;

        JsonFields(JsonReader r) {
            this.r = r;
        }

        @Override
        String text(int label) {
            expect(JsonToken.STRING, label);
            return r.nextString();
        }

        @Override
        double number(int label) {
            expect(JsonToken.NUMBER, label);
            return r.nextDouble();
        }

        @Override
        boolean bool(int label) {
            expect(JsonToken.BOOLEAN, label);
            return r.nextBoolean();
        }

        @Override
        byte[] data(int label) {
            String encoded = text(label);
            try {
                return Base64Url.decode(encoded);
            } catch (IllegalArgumentException e) {
                throw new SenmlException("senml[" + index + "].vd: " + e.getMessage(), e);
            }
        }

        @Override
        long version(int label) {
            double v = number(label);
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                throw new SenmlException("senml[" + index + "].bver: expected a non-negative integer, found " + v);
            }
            return (long) v;
        }

        private void expect(JsonToken token, int label) {
            JsonToken t = r.peek();
            if (t != token) {
                throw wrong(label, token.description(), t.description());
            }
        }
    }
}
