package io.fieldlink.protocol.cbor;

import java.util.ArrayList;
import java.util.List;

/** Reads any item into a {@link CborValue}, enforcing the reader's depth and size limits. */
final class ValueDecoder {
    private ValueDecoder() {
    }

    static CborValue read(CborReader r, int nesting) {
        CborType type = r.peekType();
        switch (type) {
            case UNSIGNED:
                return CborValue.unsigned(r.readUnsigned());
            case NEGATIVE:
                return CborValue.negative(r.readNegativeBits());
            case BYTES:
                return CborValue.bytes(r.readBytes());
            case TEXT:
                return CborValue.text(r.readText());
            case ARRAY:
                return readArray(r, nesting);
            case MAP:
                return readMap(r, nesting);
            case TAG:
                r.checkDepth(nesting);
                long tag = r.readTag();
                return CborValue.tag(tag, read(r, nesting + 1));
            case FLOAT:
                return CborValue.floating(r.readFloat());
            case SIMPLE:
                int simple = r.readSimple();
                return simple >= 20 && simple <= 23 ? known(simple) : CborValue.simple(simple);
            default:
                throw CborException.malformed(r.position(), "unexpected break");
        }
    }

    private static CborValue known(int simple) {
        switch (simple) {
            case 20:
                return CborValue.FALSE;
            case 21:
                return CborValue.TRUE;
            case 22:
                return CborValue.NULL;
            default:
                return CborValue.UNDEFINED;
        }
    }

    private static CborValue readArray(CborReader r, int nesting) {
        r.checkDepth(nesting);
        int n = r.readArrayHeader();
        List<CborValue> elements = new ArrayList<CborValue>(n < 0 ? 4 : n);
        if (n >= 0) {
            for (int i = 0; i < n; i++) {
                elements.add(read(r, nesting + 1));
            }
        } else {
            while (!atBreak(r)) {
                r.checkCount(elements.size() + 1);
                elements.add(read(r, nesting + 1));
            }
            r.readBreak();
        }
        return CborValue.ofArray(elements);
    }

    private static CborValue readMap(CborReader r, int nesting) {
        r.checkDepth(nesting);
        int n = r.readMapHeader();
        List<CborValue> keys = new ArrayList<CborValue>(n < 0 ? 4 : n);
        List<CborValue> vals = new ArrayList<CborValue>(n < 0 ? 4 : n);
        if (n >= 0) {
            for (int i = 0; i < n; i++) {
                keys.add(read(r, nesting + 1));
                vals.add(read(r, nesting + 1));
            }
        } else {
            while (!atBreak(r)) {
                r.checkCount(keys.size() + 1);
                keys.add(read(r, nesting + 1));
                vals.add(read(r, nesting + 1));
            }
            r.readBreak();
        }
        return CborValue.ofMap(keys, vals);
    }

    private static boolean atBreak(CborReader r) {
        if (!r.hasMore()) {
            throw CborException.truncated(r.position(), "indefinite-length container has no break");
        }
        return r.isBreak();
    }
}
