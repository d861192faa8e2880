package io.fieldlink.firmware.update;

/**
 * Timing and limits of the {@link UpdateAgent}. Setters return this; {@link #copy()} before keeping.
 */
public final class UpdateOptions {
    private int trialBoots = 3;
    private long healthTimeoutMillis = 10 * 60 * 1000L;
    private long checkEveryMillis = 1000;
    private long retryBaseMillis = 30 * 1000L;
    private long retryCapMillis = 60 * 60 * 1000L;
    private long restartDelayMillis = 2000;
    private int progressEveryBlocks = 8;
    private String deviceQuery;

    /** @return boots a new image gets to confirm itself healthy before the boot selector rolls back (default 3) */
    public int trialBoots() {
        return trialBoots;
    }

    /** @param v at least 1 @return this */
    public UpdateOptions trialBoots(int v) {
        if (v < 1) {
            throw new IllegalArgumentException("trialBoots must be at least 1, got " + v);
        }
        trialBoots = v;
        return this;
    }

    /** @return how long one trial boot may take to reach the host before the board restarts (default 10 min) */
    public long healthTimeoutMillis() {
        return healthTimeoutMillis;
    }

    /** @param v ms @return this */
    public UpdateOptions healthTimeoutMillis(long v) {
        healthTimeoutMillis = v;
        return this;
    }

    /** @return how often the agent checks health during a trial (default 1 s) */
    public long checkEveryMillis() {
        return checkEveryMillis;
    }

    /** @param v ms @return this */
    public UpdateOptions checkEveryMillis(long v) {
        checkEveryMillis = v;
        return this;
    }

    /** @return first wait after a failed download attempt, doubling up to the cap (default 30 s) */
    public long retryBaseMillis() {
        return retryBaseMillis;
    }

    /** @param v ms @return this */
    public UpdateOptions retryBaseMillis(long v) {
        retryBaseMillis = v;
        return this;
    }

    /** @return the longest wait between download attempts (default 1 h) */
    public long retryCapMillis() {
        return retryCapMillis;
    }

    /** @param v ms @return this */
    public UpdateOptions retryCapMillis(long v) {
        retryCapMillis = v;
        return this;
    }

    /** @return wait between installing and restarting, for the report to leave (default 2 s) */
    public long restartDelayMillis() {
        return restartDelayMillis;
    }

    /** @param v ms @return this */
    public UpdateOptions restartDelayMillis(long v) {
        restartDelayMillis = v;
        return this;
    }

    /** @return blocks between saved download positions (default 8; fewer flash writes, more re-fetch after a cut) */
    public int progressEveryBlocks() {
        return progressEveryBlocks;
    }

    /** @param v at least 1 @return this */
    public UpdateOptions progressEveryBlocks(int v) {
        progressEveryBlocks = Math.max(1, v);
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
    public UpdateOptions deviceQuery(String id) {
        deviceQuery = id;
        return this;
    }

    /** @return an independent copy */
    public UpdateOptions copy() {
        UpdateOptions o = new UpdateOptions();
        o.trialBoots = trialBoots;
        o.healthTimeoutMillis = healthTimeoutMillis;
        o.checkEveryMillis = checkEveryMillis;
        o.retryBaseMillis = retryBaseMillis;
        o.retryCapMillis = retryCapMillis;
        o.restartDelayMillis = restartDelayMillis;
        o.progressEveryBlocks = progressEveryBlocks;
        o.deviceQuery = deviceQuery;
        return o;
    }
}
