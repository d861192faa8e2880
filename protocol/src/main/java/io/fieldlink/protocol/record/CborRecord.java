package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborValue;
import io.fieldlink.protocol.cbor.CborWriter;
import java.util.Arrays;

/**
 * A Fieldlink record: immutable, encoded deterministically (keys ascending), so two records are
 * equal exactly when their encodings are. {@link #toString()} shows the record's name and its CBOR in
 * diagnostic notation.
 */
public abstract class CborRecord {
    /** Appends this record's encoding. */
    public abstract void encode(CborWriter out);

    /** The short name used in error paths and {@link #toString()}, e.g. "sale". */
    public abstract String recordName();

    public final byte[] encode() {
        CborWriter w = new CborWriter(64);
        encode(w);
        return w.toByteArray();
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(encode(), ((CborRecord) o).encode());
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return recordName() + " " + CborValue.decode(encode());
    }
}
