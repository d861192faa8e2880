package io.fieldlink.protocol.record;

/** Argument checks of record constructors: a value that cannot be encoded is a {@link RecordException} naming the field. */
final class Check {
    private Check() {
    }

    static String text(String v, String field) {
        if (v == null) {
            throw new RecordException(field + " is required");
        }
        return v;
    }

    static long unsigned(long v, String field) {
        if (v < 0) {
            throw new RecordException(field + " must not be negative: " + v);
        }
        return v;
    }

    static byte[] bytes(byte[] v, String field) {
        if (v == null) {
            throw new RecordException(field + " is required");
        }
        return v.clone();
    }

    static <T> T present(T v, String field) {
        if (v == null) {
            throw new RecordException(field + " is required");
        }
        return v;
    }
}
