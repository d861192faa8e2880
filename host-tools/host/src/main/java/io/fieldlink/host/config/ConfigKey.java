package io.fieldlink.host.config;

import java.time.Duration;
import java.util.Locale;

/**
 * One typed configuration key: its name, type, default and a one-line description. Keys are
 * declared only in {@link HostConfig}. Immutable and thread-safe.
 *
 * @param <T> the value type
 */
public final class ConfigKey<T> {
    private final String name;
    private final Kind<T> kind;
    private final T defaultValue;
    private final String description;

    private ConfigKey(String name, Kind<T> kind, T defaultValue, String description) {
        this.name = name;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    static ConfigKey<Integer> integer(String name, int min, int max, int def, String description) {
        return new ConfigKey<>(name, new IntKind(min, max), def, description);
    }

    static ConfigKey<Boolean> bool(String name, boolean def, String description) {
        return new ConfigKey<>(name, new BoolKind(), def, description);
    }

    static ConfigKey<String> text(String name, String def, String description) {
        return new ConfigKey<>(name, new TextKind(), def, description);
    }

    static ConfigKey<Duration> duration(String name, Duration def, String description) {
        return new ConfigKey<>(name, new DurationKind(), def, description);
    }

    /** @return the key as written in the properties file */
    public String name() {
        return name;
    }

    /** @return the type's name as shown by {@code --help}, e.g. {@code int[0..65535]} */
    public String typeName() {
        return kind.typeName();
    }

    /** @return the value used when the file does not set the key */
    public T defaultValue() {
        return defaultValue;
    }

    /** @return the one-line description */
    public String description() {
        return description;
    }

    /**
     * Parses a value written in a properties file or on the command line.
     *
     * @throws ConfigException naming this key when the text is not a valid value
     */
    public T parse(String text) {
        try {
            return kind.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
    }

    /** @return {@code value} as written in a properties file */
    public String format(Object value) {
        if (value instanceof Duration) {
            return DurationKind.format((Duration) value);
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return name;
    }

    private interface Kind<T> {
        T parse(String text);

        String typeName();
    }

    private static final class IntKind implements Kind<Integer> {
        private final int min;
        private final int max;

        IntKind(int min, int max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer parse(String text) {
            int v;
            try {
                v = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer: '" + text + "'", e);
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException(v + " is outside " + min + ".." + max);
            }
            return v;
        }

        @Override
        public String typeName() {
            return "int[" + min + ".." + max + "]";
        }
    }

    private static final class BoolKind implements Kind<Boolean> {
        @Override
        public Boolean parse(String text) {
            if ("true".equals(text)) {
                return Boolean.TRUE;
            }
            if ("false".equals(text)) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("expected true or false, got '" + text + "'");
        }

        @Override
        public String typeName() {
            return "boolean";
        }
    }

    private static final class TextKind implements Kind<String> {
        @Override
        public String parse(String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return text;
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    private static final class DurationKind implements Kind<Duration> {
        @Override
        public Duration parse(String text) {
            if (text.length() < 2) {
                throw new IllegalArgumentException("expected a duration like 30s, 15m, 2h or 7d, got '" + text + "'");
            }
            char unit = text.toLowerCase(Locale.ROOT).charAt(text.length() - 1);
            long n;
            try {
                n = Long.parseLong(text.substring(0, text.length() - 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a duration like 30s, 15m, 2h or 7d, got '" + text + "'", e);
            }
            if (n <= 0) {
                throw new IllegalArgumentException("duration must be positive, got '" + text + "'");
            }
            switch (unit) {
                case 's': return Duration.ofSeconds(n);
                case 'm': return Duration.ofMinutes(n);
                case 'h': return Duration.ofHours(n);
                case 'd': return Duration.ofDays(n);
                default:
                    throw new IllegalArgumentException("unknown duration unit '" + unit + "' (use s, m, h or d)");
            }
        }

        static String format(Duration d) {
            long s = d.getSeconds();
            if (s % 86400 == 0) {
                return s / 86400 + "d";
            }
            if (s % 3600 == 0) {
                return s / 3600 + "h";
            }
            if (s % 60 == 0) {
                return s / 60 + "m";
            }
            return s + "s";
        }

        @Override
        public String typeName() {
            return "duration";
        }
    }
}
