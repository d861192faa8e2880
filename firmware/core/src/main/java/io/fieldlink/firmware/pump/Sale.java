package io.fieldlink.firmware.pump;

/**
 * One finished fill, as journalled and sent to the host. Immutable. Grams and milli-units;
 * times epoch milliseconds.
 */
public final class Sale {
    /** Token id of a walk-in sale (no booking). */
    public static final long WALK_IN = -1;

    private final long tokenId;
    private final int pump;
    private final long grams;
    private final long unitPriceMilliPerKg;
    private final long amountMilli;
    private final long startMs;
    private final long endMs;
    private final StopReason stopReason;

    /**
     * @param tokenId booking id, or {@link #WALK_IN}
     * @param pump pump number
     * @param grams delivered mass
     * @param unitPriceMilliPerKg price per kilogram in milli-units
     * @param startMs when the fill was authorised
     * @param endMs when the valve closed
     * @param stopReason why it ended
     */
    public Sale(long tokenId, int pump, long grams, long unitPriceMilliPerKg, long startMs, long endMs,
            StopReason stopReason) {
        this.tokenId = tokenId;
        this.pump = pump;
        this.grams = grams;
        this.unitPriceMilliPerKg = unitPriceMilliPerKg;
        this.amountMilli = amountFor(grams, unitPriceMilliPerKg);
        this.startMs = startMs;
        this.endMs = endMs;
        this.stopReason = stopReason;
    }

    /** Price of {@code grams} at {@code milliPerKg}, rounded half up to a whole milli-unit. */
    public static long amountFor(long grams, long milliPerKg) {
        return (grams * milliPerKg + 500) / 1000;
    }

    public boolean walkIn() {
        return tokenId == WALK_IN;
    }

    /** @return the booking id, or {@link #WALK_IN} */
    public long tokenId() {
        return tokenId;
    }

    public int pump() {
        return pump;
    }

    public long grams() {
        return grams;
    }

    public long unitPriceMilliPerKg() {
        return unitPriceMilliPerKg;
    }

    public long amountMilli() {
        return amountMilli;
    }

    public long startMs() {
        return startMs;
    }

    public long endMs() {
        return endMs;
    }

    public StopReason stopReason() {
        return stopReason;
    }

    @Override
    public String toString() {
        return "Sale{" + (walkIn() ? "walk-in" : "#" + tokenId) + " pump=" + pump + " g=" + grams + " price=" + unitPriceMilliPerKg
                + " amount=" + amountMilli + " " + startMs + ".." + endMs + " " + stopReason + "}";
    }
}
