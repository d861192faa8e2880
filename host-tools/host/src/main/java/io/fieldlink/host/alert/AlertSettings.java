package io.fieldlink.host.alert;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Alert configuration, changed through the API and kept across restarts.
 *
 * @param reminderDays balance runway reminder thresholds in days, e.g. 7, 3, 1
 * @param thresholds threshold rules
 * @param tariff the time-of-use tariff used for runways (meter {@code tariff_bands} syntax)
 */
public record AlertSettings(int[] reminderDays, List<ThresholdRule> thresholds, String tariff) {
    /** The meter board's default tariff. */
    public static final String DEFAULT_TARIFF = "00:00-06:00=90,06:00-17:00=150,17:00-22:00=240,22:00-24:00=150";

    /** @throws IllegalArgumentException for no or non-positive reminder days or two rules with one name */
    public AlertSettings {
        reminderDays = reminderDays.clone();
        if (reminderDays.length == 0 || Arrays.stream(reminderDays).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("reminderDays: at least one, each a positive number of days");
        }
        thresholds = List.copyOf(thresholds);
        Set<String> names = new HashSet<>();
        for (ThresholdRule r : thresholds) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("thresholds: two rules named '" + r.name() + "'");
            }
        }
    }

    /** @return 7, 3, 1 days, no threshold rules, the meter's default tariff */
    public static AlertSettings defaults() {
        return new AlertSettings(new int[] {7, 3, 1}, List.of(), DEFAULT_TARIFF);
    }

    @Override
    public int[] reminderDays() {
        return reminderDays.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertSettings s && Arrays.equals(reminderDays, s.reminderDays)
                && thresholds.equals(s.thresholds) && tariff.equals(s.tariff);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(reminderDays) * 31 + thresholds.hashCode() * 17 + tariff.hashCode();
    }

    @Override
    public String toString() {
        return "AlertSettings[reminderDays=" + Arrays.toString(reminderDays) + ", thresholds=" + thresholds
                + ", tariff=" + tariff + "]";
    }
}
