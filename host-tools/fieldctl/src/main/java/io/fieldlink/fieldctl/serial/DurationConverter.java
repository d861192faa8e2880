package io.fieldlink.fieldctl.serial;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 250ms}, {@code 5s}, {@code 2min} into a positive duration. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        String t = text.trim();
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("min")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 3)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                throw new NumberFormatException("no unit");
            }
            if (d.isNegative() || d.isZero()) {
                throw new TypeConversionException("duration must be positive: " + text);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("not a duration (use e.g. 500ms, 5s, 2min): " + text);
        }
    }
}
