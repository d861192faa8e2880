package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborException;
import io.fieldlink.protocol.cbor.CborLimits;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;

/**
 * The fields of one record map, read once and then taken by key with the type the record expects.
 * Keys are unsigned integers; keys above {@link #MAX_KEY} are skipped (room to grow), a repeated key
 * is an error. Every error names {@code path.field}.
 */
final class FieldMap {
    static final int MAX_KEY = 31;
    static final int VERSION_KEY = 0;

    private final String path;
    private final byte[][] raw = new byte[MAX_KEY + 1][];

    private FieldMap(String path) {
        this.path = path;
    }

    /** Reads the map at the reader's position, checking its version under key 0 is {@code version}. */
    static FieldMap read(CborReader r, String path, long version) {
        FieldMap m = readFields(r, path);
        long v = m.uint(VERSION_KEY, "version");
        if (v != version) {
            throw new RecordException(path + ".version: unsupported " + v + " (this build reads " + version + ")");
        }
        return m;
    }

    /** Reads a map that has no version key of its own (it is versioned by its container). */
    static FieldMap readUnversioned(byte[] encoded, String path) {
        return readFields(new CborReader(encoded), path);
    }

    private static FieldMap readFields(CborReader r, String path) {
        FieldMap m = new FieldMap(path);
        try {
            CborType t = r.peekType();
            if (t != CborType.MAP) {
                throw new RecordException(path + ": expected map, found " + t.description());
            }
            int n = r.readMapHeader();
            for (int i = 0; n < 0 ? !r.isBreak() : i < n; i++) {
                CborType kt = r.peekType();
                if (kt != CborType.UNSIGNED) {
                    throw new RecordException(path + ": key must be an unsigned integer, found " + kt.description());
                }
                long key = r.readUnsigned();
                if (key < 0 || key > MAX_KEY) {
                    r.skip();
                    continue;
                }
                if (m.raw[(int) key] != null) {
                    throw new RecordException(path + ": duplicate key " + key);
                }
                m.raw[(int) key] = r.readRawItem();
            }
            if (n < 0) {
                r.readBreak();
            }
        } catch (CborException e) {
            throw new RecordException(path + ": " + e.getMessage(), e);
        }
        return m;
    }

    static FieldMap read(byte[] encoded, String path, long version) {
        CborReader r = new CborReader(encoded);
        FieldMap m = read(r, path, version);
        if (r.hasMore()) {
            throw new RecordException(path + ": bytes left after the record at offset " + r.position());
        }
        return m;
    }

    String path() {
        return path;
    }

    boolean has(int key) {
        return raw[key] != null;
    }

    /** An unsigned integer up to 2^63-1. */
    long uint(int key, String field) {
        CborReader r = reader(key, field, CborType.UNSIGNED, "unsigned integer");
        long v = r.readUnsigned();
        if (v < 0) {
            throw new RecordException(path + "." + field + ": " + "unsigned integer above 2^63-1");
        }
        return v;
    }

    long uint(int key, String field, long absent) {
        return has(key) ? uint(key, field) : absent;
    }

    /** An unsigned integer as 64 unsigned bits. */
    long uint64(int key, String field) {
        return reader(key, field, CborType.UNSIGNED, "unsigned integer").readUnsigned();
    }

    /** A signed integer that fits a long. */
    long integer(int key, String field) {
        CborReader r = reader(key, field, null, "integer");
        CborType t = r.peekType();
        if (t != CborType.UNSIGNED && t != CborType.NEGATIVE) {
            throw wrong(field, "integer", t);
        }
        try {
            return r.readInt();
        } catch (CborException e) {
            throw new RecordException(path + "." + field + ": " + e.getMessage(), e);
        }
    }

    /** A number: a CBOR integer or float. */
    double number(int key, String field) {
        CborReader r = reader(key, field, null, "number");
        CborType t = r.peekType();
        if (t == CborType.FLOAT) {
            return r.readFloat();
        }
        if (t != CborType.UNSIGNED && t != CborType.NEGATIVE) {
            throw wrong(field, "number", t);
        }
        try {
            return r.readInt();
        } catch (CborException e) {
            throw new RecordException(path + "." + field + ": " + e.getMessage(), e);
        }
    }

    String text(int key, String field) {
        try {
            return reader(key, field, CborType.TEXT, "text").readText();
        } catch (CborException e) {
            throw new RecordException(path + "." + field + ": " + e.getMessage(), e);
        }
    }

    String text(int key, String field, String absent) {
        return has(key) ? text(key, field) : absent;
    }

    byte[] bytes(int key, String field) {
        return reader(key, field, CborType.BYTES, "byte string").readBytes();
    }

    boolean bool(int key, String field) {
        CborReader r = reader(key, field, CborType.SIMPLE, "boolean");
        try {
            return r.readBoolean();
        } catch (CborException e) {
            throw new RecordException(path + "." + field + ": expected boolean, found simple value", e);
        }
    }

    /** The encoded item under {@code key}, which must be of {@code type}. */
    byte[] raw(int key, String field, CborType type, String expected) {
        reader(key, field, type, expected);
        return raw[key];
    }

    /** A reader over the item under {@code key}, checked to be of {@code type} (null: any). */
    CborReader reader(int key, String field, CborType type, String expected) {
        byte[] item = raw[key];
        if (item == null) {
            throw new RecordException(path + "." + field + ": missing (key " + key + ")");
        }
        CborReader r = new CborReader(item, 0, item.length, CborLimits.DEFAULTS);
        if (type != null && r.peekType() != type) {
            throw wrong(field, expected, r.peekType());
        }
        return r;
    }

    RecordException wrong(String field, String expected, CborType found) {
        return new RecordException(path + "." + field + ": expected " + expected + ", found " + found.description());
    }

    /** Fails with {@code path.field: reason}. */
    RecordException invalid(String field, String reason) {
        return new RecordException(path + "." + field + ": " + reason);
    }
}
