package io.fieldlink.boards;

/**
 * One configuration key of a board: its type, default, bounds and one-line description, declared
 * once in the board file. Values are text; {@link #check(String)} decides whether a value is valid.
 */
public final class ConfigKey {
    private final String name;
    private final ConfigType type;
    private final String defaultValue;
    private final String description;
    private final long min;
    private final long max;

    ConfigKey(String name, ConfigType type, String defaultValue, String description, long min, long max) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.min = min;
        this.max = max;
    }

    /**
     * @param value a candidate value
     * @return null if valid, else the reason (e.g. {@code "must be at most 100000"})
     */
    public String check(String value) {
        if (value == null) {
            return "is missing";
        }
        switch (type) {
            case INT:
                long v;
                try {
                    v = Decimal.parse(value, 0);
                } catch (NumberFormatException e) {
                    return "must be an integer";
                }
                if (v < min) {
                    return "must be at least " + min;
                }
                return v > max ? "must be at most " + max : null;
            case BOOL:
                return value.equals("true") || value.equals("false") ? null : "must be true or false";
            case DURATION:
                try {
                    Decimal.parseDuration(value);
                    return null;
                } catch (NumberFormatException e) {
                    return "must be a duration like 10s, 15min, 1h";
                }
            case PIN:
                if (value.length() < 4 || value.length() > 8) {
                    return "must be 4 to 8 digits";
                }
                for (int i = 0; i < value.length(); i++) {
                    if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                        return "must be 4 to 8 digits";
                    }
                }
                return null;
            default:
                return value.indexOf('\n') < 0 && value.length() <= 200 ? null : "must be one line of at most 200 characters";
        }
    }

    /**
     * @param value a value that passed {@link #check}
     * @return it as a long (INT: the number; BOOL: 1/0; DURATION: milliseconds)
     * @throws NumberFormatException if the value is not numeric for this type
     */
    public long asLong(String value) {
        if (type == ConfigType.BOOL) {
            return value.equals("true") ? 1 : 0;
        }
        if (type == ConfigType.DURATION) {
            return Decimal.parseDuration(value);
        }
        return Decimal.parse(value, 0);
    }

    /** @return key name, e.g. {@code emergency_credit} */
    public String name() {
        return name;
    }

    /** @return value type */
    public ConfigType type() {
        return type;
    }

    /** @return the default value as text */
    public String defaultValue() {
        return defaultValue;
    }

    /** @return one-line description */
    public String description() {
        return description;
    }

    /** @return lower bound for INT ({@link Long#MIN_VALUE} if none) */
    public long min() {
        return min;
    }

    /** @return upper bound for INT ({@link Long#MAX_VALUE} if none) */
    public long max() {
        return max;
    }
}
