package io.fieldlink.firmware.uplink;

/**
 * Timing and sizing of a {@link CoapUplink}; a mutable builder-style bean, copied by the uplink.
 * All times are milliseconds of the board's monotonic clock.
 */
public final class UplinkOptions {
    private long reportIntervalMillis = 15L * 60 * 1000;
    private long debounceMillis = 2000;
    private long backoffBaseMillis = 30L * 1000;
    private long backoffCapMillis = 60L * 60 * 1000;
    private int maxBatchRecords = 32;
    private String deviceQuery;

    /** @return time between periodic reports (default 15 min) */
    public long reportIntervalMillis() {
        return reportIntervalMillis;
    }

    /** @param v time between periodic reports, &gt; 0 @return this */
    public UplinkOptions reportIntervalMillis(long v) {
        reportIntervalMillis = positive(v, "reportInterval");
        return this;
    }

    /** @return how long after {@link Uplink#reportNow()} the report goes (default 2 s) */
    public long debounceMillis() {
        return debounceMillis;
    }

    /** @param v report delay after an event, &ge; 0 @return this */
    public UplinkOptions debounceMillis(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("debounce must not be negative: " + v);
        }
        debounceMillis = v;
        return this;
    }

    /** @return the first wait after a failed exchange (default 30 s); doubles per failure */
    public long backoffBaseMillis() {
        return backoffBaseMillis;
    }

    /** @param v first wait after a failure, &gt; 0 @return this */
    public UplinkOptions backoffBaseMillis(long v) {
        backoffBaseMillis = positive(v, "backoffBase");
        return this;
    }

    /** @return the longest wait between attempts while the host is unreachable (default 1 h) */
    public long backoffCapMillis() {
        return backoffCapMillis;
    }

    /** @param v longest wait between attempts, &gt; 0 @return this */
    public UplinkOptions backoffCapMillis(long v) {
        backoffCapMillis = positive(v, "backoffCap");
        return this;
    }

    /** @return the most records in one batch (default 32; fewer when the datagram is full) */
    public int maxBatchRecords() {
        return maxBatchRecords;
    }

    /** @param v the most records per batch, &gt; 0 @return this */
    public UplinkOptions maxBatchRecords(int v) {
        maxBatchRecords = (int) positive(v, "maxBatchRecords");
        return this;
    }

    /**
     * @return the device's name on plain CoAP, sent as the Uri-Query {@code d=<id>} with every
     *     request (the host tells devices apart by it when it runs with --insecure-coap; over DTLS the
     *     PSK identity names the device), or null (default) for none
     */
    public String deviceQuery() {
        return deviceQuery;
    }

    /** @param id the device id to name in every request on plain CoAP, or null for none @return this */
    public UplinkOptions deviceQuery(String id) {
        deviceQuery = id;
        return this;
    }

    /** @return an independent copy */
    public UplinkOptions copy() {
        UplinkOptions c = new UplinkOptions();
        c.reportIntervalMillis = reportIntervalMillis;
        c.debounceMillis = debounceMillis;
        c.backoffBaseMillis = backoffBaseMillis;
        c.backoffCapMillis = backoffCapMillis;
        c.maxBatchRecords = maxBatchRecords;
        c.deviceQuery = deviceQuery;
        return c;
    }

    private static long positive(long v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + v);
        }
        return v;
    }
}
