package io.fieldlink.host.ingest;

import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborException;
import io.fieldlink.protocol.json.JsonException;
import io.fieldlink.protocol.senml.SenmlCbor;
import io.fieldlink.protocol.senml.SenmlJson;
import io.fieldlink.protocol.senml.SenmlPack;
import io.fieldlink.protocol.senml.SenmlRecord;
import io.fieldlink.protocol.senml.ResolvedNames;
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
        resolveInto(pack, nowMillis, -1, readings, events);
        return new Uplink(device, -1, readings, events, nowMillis);
    }

    /**
     * Resolves {@code pack} with relative times counted from {@code baseMillis} and adds its
     * readings and events.
     *
     * @param batchRecord the pack's record in its batch, named by error messages ({@code
     *     batch.records[2].body.}), or -1 for a plain pack
     * @throws MalformedUplinkException naming the record, when it does not resolve or a number is
     *         not finite
     */
    static void resolveInto(SenmlPack pack, long baseMillis, int batchRecord, List<Reading> readings, List<Event> events) {
        SenmlPack resolved;
        try {
            resolved = SenmlResolver.resolve(pack, baseMillis / 1000.0);
        } catch (ProtocolException e) {
            throw malformed(e, path(batchRecord));
        }
        addResolved(resolved, batchRecord, readings, events);
    }

    /**
     * As {@link #resolveInto(SenmlPack, long, int, List, List)}, resolving into {@code scratch} (its
     * records reused) with the names in {@code names} (this thread's).
     */
    static void resolveInto(SenmlPack pack, long baseMillis, int batchRecord, SenmlPack scratch, ResolvedNames names,
            List<Reading> readings, List<Event> events) {
        SenmlPack resolved;
        try {
            resolved = SenmlResolver.resolve(pack, baseMillis / 1000.0, scratch, names);
        } catch (ProtocolException e) {
            throw malformed(e, path(batchRecord));
        }
        addResolved(resolved, batchRecord, readings, events);
    }

    /** Adds the readings and events of a resolved pack; refuses times out of range and non-finite numbers. */
    private static void addResolved(SenmlPack resolved, int batchRecord, List<Reading> readings, List<Event> events) {
        for (int j = 0; j < resolved.size(); j++) {
            SenmlRecord s = resolved.get(j);
            // error paths are spelled out only when thrown: this runs for every record of every uplink
            long t = Math.round(finite(s.time(), batchRecord, j, ".t") * 1000);
            if (t < 0 || t > Reading.MAX_TIME_MS) {
                throw new MalformedUplinkException("senml", at(batchRecord, j) + ".t: resolves to " + t
                        + " ms, outside 1970-01-01 .. 9999-12-31");
            }
            String name = ChannelNames.of(s.name());
            if (s.hasValue()) {
                readings.add(new Reading(name, t, finite(s.value(), batchRecord, j, ".v")));
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
                readings.add(new Reading(ChannelNames.sumOf(name), t, finite(s.sum(), batchRecord, j, ".s")));
            }
        }
    }

    private static double finite(double v, int batchRecord, int j, String field) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new MalformedUplinkException("senml", at(batchRecord, j) + field + ": must be finite, got " + v);
        }
        return v;
    }

    /** @return the error path of the pack: {@code batch.records[i].body.}, or nothing for a plain pack */
    private static String path(int batchRecord) {
        return batchRecord < 0 ? "" : BatchReader.path(batchRecord) + ".body.";
    }

    /** @return the error path of the pack's record {@code j} */
    private static String at(int batchRecord, int j) {
        return path(batchRecord) + "senml[" + j + "]";
    }

    private static MalformedUplinkException malformed(ProtocolException e, String path) {
        Throwable cause = e.getCause();
        String reason = cause instanceof JsonException ? "json" : cause instanceof CborException ? "cbor" : "senml";
        return new MalformedUplinkException(reason, path + e.getMessage());
    }
}
