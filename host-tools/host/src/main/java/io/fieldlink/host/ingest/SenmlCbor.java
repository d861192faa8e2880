package io.fieldlink.host.ingest;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a SenML-CBOR pack (RFC 8428 §6, content-format 112) with the protocol module's
 * {@link CborReader}: an array of maps keyed by the integer labels (bver -1, bn -2, bt -3, bu -4,
 * bv -5, bs -6, n 0, u 1, v 2, vs 3, vb 4, s 5, t 6, ut 7, vd 8). Stateless; thread-safe.
 */
public final class SenmlCbor {
    private static final String[] NEGATIVE = {null, "bver", "bn", "bt", "bu", "bv", "bs"};
    private static final String[] POSITIVE = {"n", "u", "v", "vs", "vb", "s", "t", "ut", "vd"};

    private SenmlCbor() {
    }

    /**
     * @throws MalformedUplinkException naming the offset or record when the payload is not
     *         well-formed CBOR, not an array of maps, or not valid SenML
     */
    public static Uplink decode(byte[] payload, String device, long nowMillis) {
        List<Map<String, Object>> records = new ArrayList<>();
        try {
            CborReader r = new CborReader(payload);
            if (r.peekType() != CborType.ARRAY) {
                throw new MalformedUplinkException("senml", "a SenML pack must be a CBOR array, found "
                        + r.peekType().description());
            }
            int n = r.readArrayHeader();
            for (int i = 0; n < 0 ? !r.isBreak() : i < n; i++) {
                records.add(record(r, i));
            }
            if (n < 0) {
                r.readBreak();
            }
            if (r.hasMore()) {
                throw new MalformedUplinkException("cbor", "unexpected bytes after the pack at offset " + r.position());
            }
        } catch (ProtocolException e) {
            throw new MalformedUplinkException("cbor", e.getMessage());
        }
        return SenmlResolver.resolve(records, device, nowMillis);
    }

    private static Map<String, Object> record(CborReader r, int index) {
        if (r.peekType() != CborType.MAP) {
            throw new MalformedUplinkException("senml", "SenML record " + index + ": must be a CBOR map, found "
                    + r.peekType().description());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        int n = r.readMapHeader();
        for (int i = 0; n < 0 ? !r.isBreak() : i < n; i++) {
            String label = label(r);
            Object value = value(r);
            if (label != null && m.put(label, value) != null) {
                throw new MalformedUplinkException("senml", "SenML record " + index + ": label '" + label + "' twice");
            }
        }
        if (n < 0) {
            r.readBreak();
        }
        return m;
    }

    private static String label(CborReader r) {
        CborType t = r.peekType();
        if (t == CborType.TEXT) {
            return r.readText();
        }
        if (t != CborType.UNSIGNED && t != CborType.NEGATIVE) {
            throw new MalformedUplinkException("senml", "SenML label at offset " + r.position() + " must be an integer or text");
        }
        long k = r.readInt();
        if (k < 0 && -k < NEGATIVE.length) {
            return NEGATIVE[(int) -k];
        }
        if (k >= 0 && k < POSITIVE.length) {
            return POSITIVE[(int) k];
        }
        return "label" + k + (k < 0 ? "_" : "");
    }

    private static Object value(CborReader r) {
        switch (r.peekType()) {
            case UNSIGNED:
            case NEGATIVE:
                return (double) r.readInt();
            case FLOAT:
                return r.readFloat();
            case TEXT:
                return r.readText();
            case BYTES:
                return Base64.getUrlEncoder().withoutPadding().encodeToString(r.readBytes());
            case SIMPLE:
                return r.readBoolean();
            default:
                int at = r.position();
                r.skip();
                return new Unsupported(at);
        }
    }

    private record Unsupported(int offset) {
        @Override
        public String toString() {
            return "unsupported item at offset " + offset;
        }
    }
}
