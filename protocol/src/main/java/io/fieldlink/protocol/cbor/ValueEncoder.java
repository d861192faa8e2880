package io.fieldlink.protocol.cbor;

import java.util.List;

/** Writes a {@link CborValue} in RFC 8949 §4.2.1 deterministic form. */
final class ValueEncoder {
    private ValueEncoder() {
    }

    static void encode(CborValue v, CborWriter w) {
        switch (v.type()) {
            case UNSIGNED:
                w.writeUnsigned(v.bits());
                return;
            case NEGATIVE:
                w.writeNegative(v.bits());
                return;
            case BYTES:
                w.writeBytes((byte[]) v.scalar());
                return;
            case TEXT:
                w.writeText((String) v.scalar());
                return;
            case ARRAY:
                List<CborValue> items = v.items();
                w.writeArrayHeader(items.size());
                for (int i = 0; i < items.size(); i++) {
                    encode(items.get(i), w);
                }
                return;
            case MAP:
                encodeMap(v, w);
                return;
            case TAG:
                w.writeTag(v.bits());
                encode(v.items().get(0), w);
                return;
            case FLOAT:
                w.writeFloat(v.asDouble());
                return;
            default:
                w.writeSimple((int) v.bits());
        }
    }

    private static void encodeMap(CborValue v, CborWriter w) {
        List<CborValue> keys = v.items();
        int n = keys.size();
        byte[][] encodedKeys = new byte[n][];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            encodedKeys[i] = keys.get(i).encode();
            order[i] = i;
        }
        for (int i = 1; i < n; i++) {
            int cur = order[i];
            int j = i - 1;
            while (j >= 0 && compare(encodedKeys[order[j]], encodedKeys[cur]) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = cur;
        }
        w.writeMapHeader(n);
        for (int i = 0; i < n; i++) {
            byte[] key = encodedKeys[order[i]];
            w.writeRaw(key, 0, key.length);
            encode(v.values().get(order[i]), w);
        }
    }

    private static int compare(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int d = (a[i] & 0xff) - (b[i] & 0xff);
            if (d != 0) {
                return d;
            }
        }
        return a.length - b.length;
    }
}
