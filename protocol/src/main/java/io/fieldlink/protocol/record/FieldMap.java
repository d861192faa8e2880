package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborException;
import io.fieldlink.protocol.cbor.CborLimits;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;
import java.util.Arrays;

/**
 * The fields of one record map, read once and then taken by key with the type the record expects.
 * Keys are unsigned integers; keys above {@link #MAX_KEY} are skipped (room to grow), a repeated key
 * is an error. Every error names {@code path.field}.
 */
final class FieldMap {
    static final int MAX_KEY = 31;
    static final int VERSION_KEY = 0;

    private String path;
    private String pathBase;
    private int pathIndex;
    /** Per key: the array holding its encoded item (the map's own input, or a copy), null when absent. */
    private final byte[][] items = new byte[MAX_KEY + 1][];
    /** Per key: where its item starts and ends in {@link #items}. */
    private final int[] bounds = new int[2 * (MAX_KEY + 1)];

    private FieldMap(String path) {
        this.path = path;
    }

    /** Reads the map at the reader's position, checking its version under key 0 is {@code version}. */
    static FieldMap read(CborReader r, String path, long version) {
        FieldMap m = new FieldMap(path);
        m.readFields(r, null);
        return m.checkVersion(version);
    }

    /**
     * Reads the map at {@code r}'s position, where {@code r} reads {@code buf}: the fields are kept
     * as positions in {@code buf}, not copied. Its path is {@code pathBase[pathIndex]}, spelled out
     * only when an error names it. {@code reuse}, when not null, is cleared and filled instead of a
     * new map.
     */
    static FieldMap readIndexed(CborReader r, byte[] buf, String pathBase, int pathIndex, long version, FieldMap reuse) {
        FieldMap m = reuse != null ? reuse.clear() : new FieldMap(null);
        m.path = null;
        m.pathBase = pathBase;
        m.pathIndex = pathIndex;
        m.readFields(r, buf);
        return m.checkVersion(version);
    }

    private FieldMap clear() {
        for (int k = 0; k <= MAX_KEY; k++) {
            items[k] = null;
        }
        return this;
    }

    private FieldMap checkVersion(long version) {
        long v = uint(VERSION_KEY, "version");
        if (v != version) {
            throw new RecordException(path() + ".version: unsupported " + v + " (this build reads " + version + ")");
        }
        return this;
    }

    /** Reads a map that has no version key of its own (it is versioned by its container). */
    static FieldMap readUnversioned(byte[] encoded, String path) {
        FieldMap m = new FieldMap(path);
        m.readFields(new CborReader(encoded), encoded);
        return m;
    }

    /** {@code buf}: the array {@code r} reads, so items are kept in place; null: items are copied. */
    private void readFields(CborReader r, byte[] buf) {
        try {
            CborType t = r.peekType();
            if (t != CborType.MAP) {
                throw new RecordException(path() + ": expected map, found " + t.description());
            }
            int n = r.readMapHeader();
            for (int i = 0; n < 0 ? !r.isBreak() : i < n; i++) {
                CborType kt = r.peekType();
                if (kt != CborType.UNSIGNED) {
                    throw new RecordException(path() + ": key must be an unsigned integer, found " + kt.description());
                }
                long key = r.readUnsigned();
                if (key < 0 || key > MAX_KEY) {
                    r.skip();
                    continue;
                }
                int k = (int) key;
                if (items[k] != null) {
                    throw new RecordException(path() + ": duplicate key " + key);
                }
                if (buf != null) {
                    int start = r.position();
                    r.skip();
                    items[k] = buf;
                    bounds[2 * k] = start;
                    bounds[2 * k + 1] = r.position();
                } else {
                    byte[] copy = r.readRawItem();
                    items[k] = copy;
                    bounds[2 * k] = 0;
                    bounds[2 * k + 1] = copy.length;
                }
            }
            if (n < 0) {
                r.readBreak();
            }
        } catch (CborException e) {
            throw new RecordException(path() + ": " + e.getMessage(), e);
        }
    }

    static FieldMap read(byte[] encoded, String path, long version) {
        CborReader r = new CborReader(encoded);
        FieldMap m = new FieldMap(path);
        m.readFields(r, encoded);
        m.checkVersion(version);
        if (r.hasMore()) {
            throw new RecordException(path + ": bytes left after the record at offset " + r.position());
        }
        return m;
    }

    String path() {
        if (path == null) {
            path = pathBase + "[" + pathIndex + "]";
        }
        return path;
    }

    boolean has(int key) {
        return items[key] != null;
    }

    /** An unsigned integer up to 2^63-1. */
    long uint(int key, String field) {
        long v = uint64(key, field);
        if (v < 0) {
            throw new RecordException(path() + "." + field + ": " + "unsigned integer above 2^63-1");
        }
        return v;
    }

    long uint(int key, String field, long absent) {
        return has(key) ? uint(key, field) : absent;
    }

    /** An unsigned integer as 64 unsigned bits. */
    long uint64(int key, String field) {
        // read in place: the item was skipped whole already, so an unsigned integer reads without error
        return inPlace(key, field, CborType.UNSIGNED, "unsigned integer").readUnsigned();
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
            throw new RecordException(path() + "." + field + ": " + e.getMessage(), e);
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
            throw new RecordException(path() + "." + field + ": " + e.getMessage(), e);
        }
    }

    String text(int key, String field) {
        try {
            return reader(key, field, CborType.TEXT, "text").readText();
        } catch (CborException e) {
            throw new RecordException(path() + "." + field + ": " + e.getMessage(), e);
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
            throw new RecordException(path() + "." + field + ": expected boolean, found simple value", e);
        }
    }

    /** The encoded item under {@code key}, which must be of {@code type}. */
    byte[] raw(int key, String field, CborType type, String expected) {
        inPlace(key, field, type, expected);
        return copy(key);
    }

    /** The encoded item under {@code key} as an array of its own (error offsets count from its start). */
    private byte[] copy(int key) {
        byte[] item = items[key];
        int start = bounds[2 * key];
        int end = bounds[2 * key + 1];
        return start == 0 && end == item.length ? item : Arrays.copyOfRange(item, start, end);
    }

    /**
     * A reader over the item under {@code key}, checked to be of {@code type} (null: any). The item
     * is its own array, so offsets in the reader's errors count from the item's start.
     */
    CborReader reader(int key, String field, CborType type, String expected) {
        inPlace(key, field, type, expected);
        byte[] item = copy(key);
        return new CborReader(item, 0, item.length, CborLimits.DEFAULTS);
    }

    /**
     * A reader over the item under {@code key} where it lies in the map's input (no copy; offsets
     * count from the start of that input), checked to be of {@code type} (null: any).
     */
    CborReader inPlace(int key, String field, CborType type, String expected) {
        byte[] item = items[key];
        if (item == null) {
            throw new RecordException(path() + "." + field + ": missing (key " + key + ")");
        }
        int start = bounds[2 * key];
        CborReader r = new CborReader(item, start, bounds[2 * key + 1] - start, CborLimits.DEFAULTS);
        if (type != null && r.peekType() != type) {
            throw wrong(field, expected, r.peekType());
        }
        return r;
    }

    /** The array {@link #inPlace} reads for {@code key}. */
    byte[] backing(int key) {
        return items[key];
    }

    RecordException wrong(String field, String expected, CborType found) {
        return new RecordException(path() + "." + field + ": expected " + expected + ", found " + found.description());
    }

    /** Fails with {@code path.field: reason}. */
    RecordException invalid(String field, String reason) {
        return new RecordException(path() + "." + field + ": " + reason);
    }
}
