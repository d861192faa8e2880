package io.fieldlink.host.prediction;

import io.fieldlink.host.ingest.Bucket;
import io.fieldlink.host.ingest.Resolution;
import io.fieldlink.host.ingest.StoredEvent;
import io.fieldlink.host.json.JsonException;
import io.fieldlink.host.json.JsonReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds equally spaced hourly series from what the host stores: per-hour increments of a counter
 * channel (e.g. meter {@code energy} in Wh) from its hourly rollups, and per-hour sums of a numeric
 * field of events (e.g. {@code grams} of pump {@code sale} events). Counter hours with no data are
 * NaN; {@link #filled} fills them from the same hour a week (else a day) earlier, else 0. Stateless.
 */
public final class HourlySeries {
    /** One hour in milliseconds. */
    public static final long HOUR = 3_600_000L;
    private static final int MAX_EVENTS = 1_000_000;

    private HourlySeries() {
    }

    /**
     * Per-hour increments of a counter over {@code hours} hours starting at {@code from} (an hour
     * start). An hour's increment is its largest value minus the previous hour's largest value (its
     * own smallest when the previous hour is missing); a counter that went backwards counts 0; an
     * hour with no reading is NaN.
     */
    public static double[] counterIncrements(SeriesSource source, String device, String channel, long from, int hours) {
        List<Bucket> buckets = source.buckets(device, channel, Resolution.H1, from - HOUR, from + hours * HOUR, hours + 2);
        double[] out = new double[hours];
        Arrays.fill(out, Double.NaN);
        Bucket previous = null;
        for (Bucket b : buckets) {
            int i = (int) ((b.start() - from) / HOUR);
            double inc = previous != null && previous.start() == b.start() - HOUR ? b.max() - previous.max() : b.max() - b.min();
            if (i >= 0 && i < hours) {
                out[i] = Math.max(0, inc);
            }
            previous = b;
        }
        return out;
    }

    /** @return how many values are not NaN */
    public static int observed(double[] v) {
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Per-hour sums of the numeric JSON field {@code field} of events of type {@code type}.
     * Events whose body lacks the field are skipped.
     */
    public static double[] eventSums(SeriesSource source, List<String> devices, String type, String field, long from,
            int hours) {
        double[] out = new double[hours];
        for (String device : devices) {
            for (StoredEvent e : source.events(device, from, from + hours * HOUR, MAX_EVENTS)) {
                if (!e.type().equals(type)) {
                    continue;
                }
                double v = number(e.body(), field);
                if (!Double.isNaN(v)) {
                    out[(int) ((e.timeMillis() - from) / HOUR)] += v;
                }
            }
        }
        return out;
    }

    /** @return the numeric member {@code field} of a JSON object body, or NaN */
    public static double number(String body, String field) {
        try {
            Map<String, Object> m = JsonReader.parseObject(body);
            Object v = m.get(field);
            return v instanceof BigDecimal ? ((BigDecimal) v).doubleValue() : Double.NaN;
        } catch (JsonException e) {
            return Double.NaN;
        }
    }

    /** @return a copy with each NaN replaced by the value a week (else a day) earlier, else 0 */
    public static double[] filled(double[] values) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                if (i >= 168 && !Double.isNaN(v[i - 168])) {
                    v[i] = v[i - 168];
                } else if (i >= 24 && !Double.isNaN(v[i - 24])) {
                    v[i] = v[i - 24];
                } else {
                    v[i] = 0;
                }
            }
        }
        return v;
    }

    /** @return the start of the hour holding {@code timeMillis} */
    public static long hourStart(long timeMillis) {
        return Math.floorDiv(timeMillis, HOUR) * HOUR;
    }
}
