package io.fieldlink.host.ingest;

import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborException;
import io.fieldlink.protocol.json.JsonException;
import io.fieldlink.protocol.senml.SenmlCbor;
import io.fieldlink.protocol.senml.SenmlJson;
import io.fieldlink.protocol.senml.SenmlPack;
import io.fieldlink.protocol.senml.SenmlRecord;
import io.fieldlink.protocol.senml.SenmlResolver;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * SenML (RFC 8428) payloads as uplinks, decoded and resolved by the protocol module's
 * {@code io.fieldlink.protocol.senml} classes: numeric values and sums become readings ({@code name}
 * and {@code name:sum}), string, boolean and data values become events with a JSON body
 * ({@code {"vs": ...}}, {@code {"vb": ...}}, {@code {"vd": base64url}}). Stateless; thread-safe.
 */
public final class SenmlUplinks {
    private SenmlUplinks() {
    }

    /**
     * A plain SenML-JSON pack (content-format 110); relative times count from {@code nowMillis}.
     *
     * @return an uplink without seq (-1)
     * @throws MalformedUplinkException (reason {@code json} or {@code senml}) naming the record and
     *         field, e.g. {@code senml[1].v: ...}
     */
    public static Uplink json(byte[] payload, String device, long nowMillis) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedUplinkException("json", "payload is not UTF-8");
        }
        SenmlPack pack;
        try {
            pack = SenmlJson.decode(text);
        } catch (ProtocolException e) {
            throw malformed(e, "");
        }
        return plain(pack, device, nowMillis);
    }

    /**
     * A plain SenML-CBOR pack (content-format 112); relative times count from {@code nowMillis}.
     *
     * @return an uplink without seq (-1)
     * @throws MalformedUplinkException (reason {@code cbor} or {@code senml}) naming the offset or
     *         the record and field
     */
    public static Uplink cbor(byte[] payload, String device, long nowMillis) {
        SenmlPack pack;
        try {
            pack = SenmlCbor.decode(payload);
        } catch (ProtocolException e) {
            throw malformed(e, "");
        }
        return plain(pack, device, nowMillis);
    }

    private static Uplink plain(SenmlPack pack, String device, long nowMillis) {
        if (pack.size() == 0) {
            throw new MalformedUplinkException("senml", "senml: pack has no records");
        }
        List<Reading> readings = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        resolveInto(pack, nowMillis, "", readings, events);
        return new Uplink(device, -1, readings, events, nowMillis);
    }

    /**
     * Resolves {@code pack} with relative times counted from {@code baseMillis} and adds its
     * readings and events.
     *
     * @param path prefix for error messages, e.g. {@code batch.records[2].body.}
     * @throws MalformedUplinkException naming the record, when it does not resolve or a number is
     *         not finite
     */
    static void resolveInto(SenmlPack pack, long baseMillis, String path, List<Reading> readings, List<Event> events) {
        SenmlPack resolved;
        try {
            resolved = SenmlResolver.resolve(pack, baseMillis / 1000.0);
        } catch (ProtocolException e) {
            throw malformed(e, path);
        }
        for (int j = 0; j < resolved.size(); j++) {
            SenmlRecord s = resolved.get(j);
            String at = path + "senml[" + j + "]";
            long t = Math.round(finite(s.time(), at + ".t") * 1000);
            if (t < 0 || t > Reading.MAX_TIME_MS) {
                throw new MalformedUplinkException("senml", at + ".t: resolves to " + t
                        + " ms, outside 1970-01-01 .. 9999-12-31");
            }
            String name = s.name();
            if (s.hasValue()) {
                readings.add(new Reading(name, t, finite(s.value(), at + ".v")));
            } else if (s.stringValue() != null) {
                events.add(new Event(name, t, new JsonWriter().beginObject().field("vs", s.stringValue()).endObject()
                        .toString()));
            } else if (s.hasBoolValue()) {
                events.add(new Event(name, t, new JsonWriter().beginObject().field("vb", s.boolValue()).endObject()
                        .toString()));
            } else if (s.dataValue() != null) {
                events.add(new Event(name, t, new JsonWriter().beginObject()
                        .field("vd", Base64.getUrlEncoder().withoutPadding().encodeToString(s.dataValue())).endObject()
                        .toString()));
            }
            if (s.hasSum()) {
                readings.add(new Reading(name + ":sum", t, finite(s.sum(), at + ".s")));
            }
        }
    }

    private static double finite(double v, String field) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new MalformedUplinkException("senml", field + ": must be finite, got " + v);
        }
        return v;
    }

    private static MalformedUplinkException malformed(ProtocolException e, String path) {
        Throwable cause = e.getCause();
        String reason = cause instanceof JsonException ? "json" : cause instanceof CborException ? "cbor" : "senml";
        return new MalformedUplinkException(reason, path + e.getMessage());
    }
}
