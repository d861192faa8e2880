package io.fieldlink.host.prediction.anomaly;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A detector's verdict changed: an anomaly was raised, or the condition that raised it is over.
 *
 * @param device the device id
 * @param pattern what was detected, e.g. {@code outlier}, {@code theft-bypass}, {@code reverse-energy},
 *     {@code pump-leak}, {@code well-leak}, {@code well-blockage}
 * @param channel the channel it concerns
 * @param timeMillis time of the reading that decided it
 * @param raised true when raised, false when cleared
 * @param evidence named values that support it, in a stable order
 */
public record Finding(String device, String pattern, String channel, long timeMillis, boolean raised,
        Map<String, String> evidence) {
    /** Copies the evidence, keeping its order. */
    public Finding {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** @return the key that identifies this anomaly on this device: device/pattern/channel */
    public String key() {
        return device + "/" + pattern + "/" + channel;
    }

    /** Evidence builder: formats numbers with up to 4 decimals. */
    static Map<String, String> evidence(Object... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            Object v = nameValue[i + 1];
            String text = v instanceof Double ? fmt((Double) v) : String.valueOf(v);
            m.put((String) nameValue[i], text);
        }
        return m;
    }

    private static String fmt(double d) {
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return String.valueOf(d);
        }
        return java.math.BigDecimal.valueOf(Math.round(d * 10_000) / 10_000.0).stripTrailingZeros().toPlainString();
    }
}
