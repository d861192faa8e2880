package io.fieldlink.protocol.senml;

/** The SenML labels of RFC 8428 §6 (CBOR integer) and §4.2 (JSON name). */
final class SenmlLabel {
    static final int BASE_VERSION = -1;
    static final int BASE_NAME = -2;
    static final int BASE_TIME = -3;
    static final int BASE_UNIT = -4;
    static final int BASE_VALUE = -5;
    static final int BASE_SUM = -6;
    static final int NAME = 0;
    static final int UNIT = 1;
    static final int VALUE = 2;
    static final int STRING_VALUE = 3;
    static final int BOOL_VALUE = 4;
    static final int SUM = 5;
    static final int TIME = 6;
    static final int UPDATE_TIME = 7;
    static final int DATA_VALUE = 8;
    /** Not a known label. */
    static final int UNKNOWN = Integer.MIN_VALUE;

    private static final String[] NAMES = {"bs", "bv", "bu", "bt", "bn", "bver", "n", "u", "v", "vs", "vb", "s",
        "t", "ut", "vd"};

    private SenmlLabel() {
    }

    /** The JSON name of a label, e.g. "bver" for -1. */
    static String jsonName(int label) {
        return NAMES[label + 6];
    }

    /** The label of a JSON name, or {@link #UNKNOWN}. */
    static int ofJsonName(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i - 6;
            }
        }
        return UNKNOWN;
    }

    /** A bit for {@code label} (−6..8) in a set of labels seen. */
    static int bit(int label) {
        return 1 << (label + 6);
    }

    /** True if a label of RFC 8428's extension rule must be understood: its name ends with '_'. */
    static boolean mustUnderstand(String name) {
        return name.length() > 0 && name.charAt(name.length() - 1) == '_';
    }
}
