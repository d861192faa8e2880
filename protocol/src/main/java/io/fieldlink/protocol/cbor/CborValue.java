package io.fieldlink.protocol.cbor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One CBOR data item as an immutable tree: for tests, tools and record fields of unknown content.
 * Integers keep all 64 bits of both major types; indefinite lengths decode to definite ones; maps
 * keep their pairs in the order read (duplicate keys are kept). {@link #encode(CborWriter)} writes
 * the RFC 8949 §4.2.1 deterministic form (preferred serialization, map keys sorted by their encoded
 * bytes); {@link #equals(Object)} compares maps regardless of pair order; {@link #toString()} is
 * diagnostic notation (RFC 8949 §8).
 */
public final class CborValue {
    public static final CborValue NULL = new CborValue(CborType.SIMPLE, 22, null, null, null);
    public static final CborValue UNDEFINED = new CborValue(CborType.SIMPLE, 23, null, null, null);
    public static final CborValue FALSE = new CborValue(CborType.SIMPLE, 20, null, null, null);
    public static final CborValue TRUE = new CborValue(CborType.SIMPLE, 21, null, null, null);

    private final CborType type;
    /** Integer bits, tag number, simple value or double bits. */
    private final long bits;
    /** byte[] for BYTES, String for TEXT. */
    private final Object scalar;
    /** Items of an array, keys of a map, or the one tagged item. */
    private final List<CborValue> items;
    /** Values of a map, parallel to its keys. */
    private final List<CborValue> values;

    private CborValue(CborType type, long bits, Object scalar, List<CborValue> items, List<CborValue> values) {
        this.type = type;
        this.bits = bits;
        this.scalar = scalar;
        this.items = items;
        this.values = values;
    }

    public static CborValue of(long value) {
        return value >= 0 ? unsigned(value) : negative(~value);
    }

    /** Major type 0 with {@code bits} read as unsigned 64-bit. */
    public static CborValue unsigned(long bits) {
        return new CborValue(CborType.UNSIGNED, bits, null, null, null);
    }

    /** Major type 1: the value -1 - bits, bits read as unsigned 64-bit. */
    public static CborValue negative(long bits) {
        return new CborValue(CborType.NEGATIVE, bits, null, null, null);
    }

    public static CborValue bytes(byte[] bytes) {
        return new CborValue(CborType.BYTES, 0, bytes.clone(), null, null);
    }

    public static CborValue text(String text) {
        if (text == null) {
            throw new NullPointerException("text");
        }
        return new CborValue(CborType.TEXT, 0, text, null, null);
    }

    public static CborValue floating(double value) {
        return new CborValue(CborType.FLOAT, Double.doubleToLongBits(value), null, null, null);
    }

    public static CborValue bool(boolean value) {
        return value ? TRUE : FALSE;
    }

    public static CborValue simple(int value) {
        if (value < 0 || value > 255 || (value >= 24 && value < 32)) {
            throw new IllegalArgumentException("not a CBOR simple value: " + value);
        }
        return new CborValue(CborType.SIMPLE, value, null, null, null);
    }

    public static CborValue tag(long tag, CborValue content) {
        List<CborValue> one = new ArrayList<CborValue>(1);
        one.add(content);
        return new CborValue(CborType.TAG, tag, null, one, null);
    }

    public static CborValue array(CborValue... elements) {
        return new CborValue(CborType.ARRAY, 0, null, new ArrayList<CborValue>(Arrays.asList(elements)), null);
    }

    public static CborValue array(List<CborValue> elements) {
        return new CborValue(CborType.ARRAY, 0, null, new ArrayList<CborValue>(elements), null);
    }

    /** A map from alternating keys and values: {@code map(k1, v1, k2, v2)}. */
    public static CborValue map(CborValue... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("map needs key, value pairs");
        }
        List<CborValue> keys = new ArrayList<CborValue>();
        List<CborValue> vals = new ArrayList<CborValue>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            keys.add(keysAndValues[i]);
            vals.add(keysAndValues[i + 1]);
        }
        return new CborValue(CborType.MAP, 0, null, keys, vals);
    }

    /** Decodes exactly one item filling all of {@code encoded}, with default limits. */
    public static CborValue decode(byte[] encoded) {
        CborReader reader = new CborReader(encoded);
        CborValue value = read(reader);
        if (reader.hasMore()) {
            throw CborException.malformed(reader.position(), "bytes left after the item");
        }
        return value;
    }

    /** Reads the next item of {@code reader}, whatever it is. */
    public static CborValue read(CborReader reader) {
        return ValueDecoder.read(reader, 0);
    }

    static CborValue ofMap(List<CborValue> keys, List<CborValue> vals) {
        return new CborValue(CborType.MAP, 0, null, keys, vals);
    }

    static CborValue ofArray(List<CborValue> elements) {
        return new CborValue(CborType.ARRAY, 0, null, elements, null);
    }

    public CborType type() {
        return type;
    }

    /**
     * The integer value.
     *
     * @throws CborException if this is not an integer or does not fit a signed long
     */
    public long asLong() {
        if ((type != CborType.UNSIGNED && type != CborType.NEGATIVE) || bits < 0) {
            throw new CborException("not a signed 64-bit integer: " + this);
        }
        return type == CborType.UNSIGNED ? bits : ~bits;
    }

    /** Raw argument bits: integer bits, tag number, or simple value. */
    public long bits() {
        return bits;
    }

    public boolean isNull() {
        return type == CborType.SIMPLE && bits == 22;
    }

    public boolean asBoolean() {
        if (type != CborType.SIMPLE || (bits != 20 && bits != 21)) {
            throw new CborException("not a boolean: " + this);
        }
        return bits == 21;
    }

    public double asDouble() {
        if (type != CborType.FLOAT) {
            throw new CborException("not a float: " + this);
        }
        return Double.longBitsToDouble(bits);
    }

    /** A copy of the byte string. */
    public byte[] asBytes() {
        if (type != CborType.BYTES) {
            throw new CborException("not a byte string: " + this);
        }
        return ((byte[]) scalar).clone();
    }

    public String asText() {
        if (type != CborType.TEXT) {
            throw new CborException("not a text string: " + this);
        }
        return (String) scalar;
    }

    /** Number of elements of an array or pairs of a map. */
    public int size() {
        requireContainer();
        return items.size();
    }

    /** Element {@code i} of an array, or key {@code i} of a map. */
    public CborValue get(int i) {
        requireContainer();
        return items.get(i);
    }

    /** Value {@code i} of a map (paired with key {@link #get(int)}). */
    public CborValue valueAt(int i) {
        if (type != CborType.MAP) {
            throw new CborException("not a map: " + this);
        }
        return values.get(i);
    }

    /** The value of the first pair whose key equals {@code key}, or null. */
    public CborValue get(CborValue key) {
        if (type != CborType.MAP) {
            throw new CborException("not a map: " + this);
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).equals(key)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** The tag number of a tag. */
    public long tagNumber() {
        requireTag();
        return bits;
    }

    /** The item a tag wraps. */
    public CborValue tagContent() {
        requireTag();
        return items.get(0);
    }

    /** Writes the deterministic encoding of this item. */
    public void encode(CborWriter writer) {
        ValueEncoder.encode(this, writer);
    }

    /** The deterministic encoding of this item. */
    public byte[] encode() {
        CborWriter writer = new CborWriter();
        encode(writer);
        return writer.toByteArray();
    }

    Object scalar() {
        return scalar;
    }

    List<CborValue> items() {
        return items;
    }

    List<CborValue> values() {
        return values;
    }

    private void requireContainer() {
        if (type != CborType.ARRAY && type != CborType.MAP) {
            throw new CborException("not an array or map: " + this);
        }
    }

    private void requireTag() {
        if (type != CborType.TAG) {
            throw new CborException("not a tag: " + this);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CborValue)) {
            return false;
        }
        CborValue other = (CborValue) o;
        if (type != other.type || bits != other.bits) {
            return false;
        }
        switch (type) {
            case BYTES:
                return Arrays.equals((byte[]) scalar, (byte[]) other.scalar);
            case TEXT:
                return scalar.equals(other.scalar);
            case ARRAY:
            case TAG:
                return items.equals(other.items);
            case MAP:
                return mapEquals(other);
            default:
                return true;
        }
    }

    private boolean mapEquals(CborValue other) {
        if (items.size() != other.items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            CborValue v = other.get(items.get(i));
            if (v == null || !v.equals(values.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = type.hashCode() * 31 + (int) (bits ^ (bits >>> 32));
        switch (type) {
            case BYTES:
                return h * 31 + Arrays.hashCode((byte[]) scalar);
            case TEXT:
                return h * 31 + scalar.hashCode();
            case ARRAY:
            case TAG:
                return h * 31 + items.hashCode();
            case MAP:
                int sum = 0;
                for (int i = 0; i < items.size(); i++) {
                    sum += items.get(i).hashCode() ^ values.get(i).hashCode();
                }
                return h * 31 + sum;
            default:
                return h;
        }
    }

    /** Diagnostic notation, e.g. {@code {1: h'01', "a": [_ 2]}} without the indefinite marks. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    private void appendTo(StringBuilder sb) {
        switch (type) {
            case UNSIGNED:
                sb.append(Diagnostic.unsigned(bits));
                return;
            case NEGATIVE:
                sb.append(Diagnostic.negative(bits));
                return;
            case BYTES:
                Diagnostic.hex(sb, (byte[]) scalar);
                return;
            case TEXT:
                Diagnostic.text(sb, (String) scalar);
                return;
            case ARRAY:
                sb.append('[');
                for (int i = 0; i < items.size(); i++) {
                    sb.append(i == 0 ? "" : ", ");
                    items.get(i).appendTo(sb);
                }
                sb.append(']');
                return;
            case MAP:
                sb.append('{');
                for (int i = 0; i < items.size(); i++) {
                    sb.append(i == 0 ? "" : ", ");
                    items.get(i).appendTo(sb);
                    sb.append(": ");
                    values.get(i).appendTo(sb);
                }
                sb.append('}');
                return;
            case TAG:
                sb.append(Diagnostic.unsigned(bits)).append('(');
                items.get(0).appendTo(sb);
                sb.append(')');
                return;
            case FLOAT:
                sb.append(Diagnostic.floating(Double.longBitsToDouble(bits)));
                return;
            default:
                sb.append(simpleName((int) bits));
        }
    }

    private static String simpleName(int value) {
        switch (value) {
            case 20:
                return "false";
            case 21:
                return "true";
            case 22:
                return "null";
            case 23:
                return "undefined";
            default:
                return "simple(" + value + ")";
        }
    }
}
