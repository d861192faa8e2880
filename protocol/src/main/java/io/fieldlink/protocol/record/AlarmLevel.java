package io.fieldlink.protocol.record;

/** Which limit an alarm crossed; {@link #code()} is its wire value. */
public enum AlarmLevel {
    HIGH(1, "H"),
    LOW(2, "L"),
    HIGH_HIGH(3, "HH"),
    LOW_LOW(4, "LL");

    private final int code;
    private final String label;

    AlarmLevel(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The SCADA label: H, L, HH or LL. */
    public String label() {
        return label;
    }

    /** @return the level with this code, or null */
    public static AlarmLevel ofCode(long code) {
        for (AlarmLevel l : values()) {
            if (l.code == code) {
                return l;
            }
        }
        return null;
    }
}
