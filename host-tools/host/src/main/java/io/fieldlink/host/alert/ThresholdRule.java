package io.fieldlink.host.alert;

/**
 * Raise an alert when a channel stays beyond a limit for a duration; clear it when a reading is back
 * within the limit.
 *
 * @param name unique rule name, e.g. {@code storage-low}
 * @param channel the channel, e.g. {@code storage_pressure}
 * @param above true for "above the limit", false for "below"
 * @param limit the limit in the channel's unit
 * @param holdMillis how long the condition must hold (0 = the first reading beyond it)
 * @param device one device id, or empty for every device
 */
public record ThresholdRule(String name, String channel, boolean above, double limit, long holdMillis, String device) {
    /** @throws IllegalArgumentException naming the bad field */
    public ThresholdRule {
        if (name == null || name.isEmpty() || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("name: required, without '/'");
        }
        if (channel == null || channel.isEmpty()) {
            throw new IllegalArgumentException("channel: required");
        }
        if (!Double.isFinite(limit)) {
            throw new IllegalArgumentException("limit: must be a finite number");
        }
        if (holdMillis < 0) {
            throw new IllegalArgumentException("holdMillis: must not be negative");
        }
        if (device == null) {
            device = "";
        }
    }

    /** @return whether the rule watches this device and channel */
    public boolean covers(String deviceId, String channelName) {
        return channel.equals(channelName) && (device.isEmpty() || device.equals(deviceId));
    }

    /** @return whether {@code value} is beyond the limit */
    public boolean beyond(double value) {
        return above ? value > limit : value < limit;
    }
}
