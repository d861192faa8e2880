package io.fieldlink.host.billing;

import java.time.Instant;
import java.time.LocalDate;

/** Building table keys that sort right: parts joined by {@code |}, numbers zero-padded. */
public final class Keys {
    /** Separator between key parts; never in a device id. */
    public static final String SEP = "|";
    private static final long DAY_MS = 86_400_000L;

    private Keys() {
    }

    /** @return the parts joined by {@link #SEP} */
    public static String of(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append(SEP);
            }
            Object p = parts[i];
            b.append(p instanceof Long || p instanceof Integer ? pad(((Number) p).longValue()) : p.toString());
        }
        return b.toString();
    }

    /** @return {@code n} (not negative) as 19 digits */
    public static String pad(long n) {
        String s = Long.toString(n);
        return "0".repeat(Math.max(0, 19 - s.length())) + s;
    }

    /** @return the first key after every key starting with {@code prefix + SEP} */
    public static String after(String prefix) {
        return prefix + "}";
    }

    /** @return the UTC day number of an epoch-ms time */
    public static long day(long epochMillis) {
        return Math.floorDiv(epochMillis, DAY_MS);
    }

    /** @return the UTC day as {@code yyyy-mm-dd} */
    public static String isoDay(long day) {
        return LocalDate.ofEpochDay(day).toString();
    }

    /** @return the epoch ms of a day's start */
    public static long dayStart(long day) {
        return day * DAY_MS;
    }

    /** @return an epoch-ms time as ISO-8601 */
    public static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
