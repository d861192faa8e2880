package io.fieldlink.firmware.meter;

import io.fieldlink.firmware.kernel.BoardConfig;

/**
 * Builds a {@link MeterConfig} from the meter board's configuration keys: {@code tariff_bands}
 * ({@code HH:MM-HH:MM=price,...}, every day, on whole hours, price in milli-units per kWh),
 * {@code emergency_credit} / {@code emergency_threshold} (milli-units), {@code low_credit_warning}
 * (milli-units, 0 none), {@code friendly_hours} ({@code HH:MM-HH:MM}, may wrap midnight, every day),
 * {@code friendly_days} ({@code mon..sun}, comma-separated), {@code max_power} (W; 60 s lockout) and
 * {@code persist_interval} (a duration, &gt; 0). ({@code push_readings} is read by {@link MeterApp}.)
 * Keys the board does not have keep the engine's defaults. Not thread-safe; allocates (boot only).
 */
public final class BoardMeterConfig {
    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    private BoardMeterConfig() {
    }

    /**
     * @param config the board configuration
     * @return the meter configuration
     * @throws IllegalArgumentException naming the key when a value cannot be read
     */
    public static MeterConfig from(BoardConfig config) {
        MeterConfig.Builder b = MeterConfig.builder(tariff(config.has("tariff_bands")
                ? config.get("tariff_bands") : "00:00-24:00=0"));
        if (config.has("emergency_credit")) {
            b.emergencyCredit(config.getLong("emergency_credit"),
                    config.has("emergency_threshold") ? config.getLong("emergency_threshold") : 0);
        }
        if (config.has("low_credit_warning") && config.getLong("low_credit_warning") > 0) {
            b.lowCreditThresholds(config.getLong("low_credit_warning"));
        }
        WeekMask.Builder friendly = WeekMask.builder();
        if (config.has("friendly_hours") && config.get("friendly_hours").trim().length() > 0) {
            String h = config.get("friendly_hours").trim();
            int dash = h.indexOf('-');
            if (dash < 0) {
                throw new IllegalArgumentException("friendly_hours: expected HH:MM-HH:MM, got " + h);
            }
            int from = hour(h.substring(0, dash), "friendly_hours");
            int to = hour(h.substring(dash + 1), "friendly_hours");
            if (from < to) {
                friendly.hours(WeekMask.EVERY_DAY, from, to);
            } else if (from > to) {
                friendly.hours(WeekMask.EVERY_DAY, from, 24);
                if (to > 0) {
                    friendly.hours(WeekMask.EVERY_DAY, 0, to);
                }
            }
        }
        if (config.has("friendly_days")) {
            int days = days(config.get("friendly_days"));
            if (days != 0) {
                friendly.hours(days, 0, 24);
            }
        }
        b.friendlyCredit(friendly.build());
        if (config.has("max_power")) {
            b.maxPower(config.getLong("max_power") * 1000, 60000);
        }
        if (config.has("persist_interval")) {
            long persist = config.getLong("persist_interval");
            if (persist <= 0) {
                throw new IllegalArgumentException("persist_interval: must be positive, got " + config.get("persist_interval"));
            }
            b.persistIntervalMillis(persist);
        }
        return b.build();
    }

    static Tariff tariff(String bands) {
        Tariff.Builder t = Tariff.builder(1);
        int start = 0;
        String s = bands.trim();
        while (start < s.length()) {
            int comma = s.indexOf(',', start);
            String band = s.substring(start, comma < 0 ? s.length() : comma).trim();
            int dash = band.indexOf('-');
            int eq = band.indexOf('=');
            if (dash < 0 || eq < dash) {
                throw new IllegalArgumentException("tariff_bands: expected HH:MM-HH:MM=price, got " + band);
            }
            long price;
            try {
                price = Long.parseLong(band.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tariff_bands: price is not a whole number in " + band, e);
            }
            t.band(WeekMask.EVERY_DAY, hour(band.substring(0, dash), "tariff_bands"),
                    hour(band.substring(dash + 1, eq), "tariff_bands"), price);
            start = comma < 0 ? s.length() : comma + 1;
        }
        return t.build();
    }

    static int hour(String hhmm, String key) {
        String v = hhmm.trim();
        if (v.length() != 5 || v.charAt(2) != ':' || !v.endsWith(":00")) {
            throw new IllegalArgumentException(key + ": " + v + " is not a whole hour HH:00");
        }
        int h = (v.charAt(0) - '0') * 10 + (v.charAt(1) - '0');
        if (v.charAt(0) < '0' || v.charAt(0) > '2' || v.charAt(1) < '0' || v.charAt(1) > '9' || h > 24) {
            throw new IllegalArgumentException(key + ": " + v + " is not an hour 00..24");
        }
        return h;
    }

    static int days(String list) {
        int mask = 0;
        int start = 0;
        String s = list.trim();
        while (start < s.length()) {
            int comma = s.indexOf(',', start);
            String d = s.substring(start, comma < 0 ? s.length() : comma).trim();
            int bit = -1;
            for (int i = 0; i < DAYS.length; i++) {
                if (DAYS[i].equals(d)) {
                    bit = i;
                }
            }
            if (bit < 0) {
                throw new IllegalArgumentException("friendly_days: unknown day " + d + " (mon..sun)");
            }
            mask |= 1 << bit;
            start = comma < 0 ? s.length() : comma + 1;
        }
        return mask;
    }
}
