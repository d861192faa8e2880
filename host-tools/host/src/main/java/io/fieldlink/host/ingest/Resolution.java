package io.fieldlink.host.ingest;

import io.fieldlink.host.config.HostConfig;
import io.fieldlink.host.config.ConfigKey;
import java.time.Duration;

/** Rollup resolutions and the configuration key holding each one's retention. */
public enum Resolution {
    M15("15m", 15 * 60_000L, HostConfig.RETENTION_15M),
    H1("1h", 3_600_000L, HostConfig.RETENTION_1H),
    D1("1d", 86_400_000L, HostConfig.RETENTION_1D);

    private final String wire;
    private final long millis;
    private final ConfigKey<Duration> retention;

    Resolution(String wire, long millis, ConfigKey<Duration> retention) {
        this.wire = wire;
        this.millis = millis;
        this.retention = retention;
    }

    /** @return the step as written in the API: 15m, 1h or 1d */
    public String wireName() {
        return wire;
    }

    /** @return the bucket length in milliseconds */
    public long millis() {
        return millis;
    }

    /** @return the key holding how long buckets of this resolution are kept */
    public ConfigKey<Duration> retentionKey() {
        return retention;
    }

    /** @return the start (UTC, epoch ms) of the bucket holding {@code timeMillis} */
    public long bucketStart(long timeMillis) {
        return Math.floorDiv(timeMillis, millis) * millis;
    }

    /**
     * @throws IllegalArgumentException naming the accepted steps
     */
    public static Resolution parse(String step) {
        for (Resolution r : values()) {
            if (r.wire.equals(step)) {
                return r;
            }
        }
        throw new IllegalArgumentException("step must be raw, 15m, 1h or 1d; got '" + step + "'");
    }
}
