package io.fieldlink.protocol.token;

/**
 * What a pump accepts as a booking: its station id, its pump number, a grace around the slot for
 * clock drift and late or early arrival, and the most gas one booking may draw. Immutable.
 */
public final class BookingRules {
    private final String stationId;
    private final int pump;
    private final long graceSeconds;
    private final long maxQuantityGrams;

    /**
     * @param stationId compared with the token's subject
     * @param pump this pump's number (&ge; 1), compared with the token's pump when it names one
     * @param graceSeconds accepted before the slot start and after the slot end (&ge; 0)
     * @param maxQuantityGrams the largest quantity one booking may carry (&gt; 0)
     * @throws IllegalArgumentException when a value is out of range
     */
    public BookingRules(String stationId, int pump, long graceSeconds, long maxQuantityGrams) {
        if (stationId.length() == 0 || pump < 1 || graceSeconds < 0 || maxQuantityGrams <= 0) {
            throw new IllegalArgumentException("station id must not be empty, pump >= 1, grace >= 0, max quantity > 0");
        }
        this.stationId = stationId;
        this.pump = pump;
        this.graceSeconds = graceSeconds;
        this.maxQuantityGrams = maxQuantityGrams;
    }

    public String stationId() {
        return stationId;
    }

    public int pump() {
        return pump;
    }

    public long graceSeconds() {
        return graceSeconds;
    }

    public long maxQuantityGrams() {
        return maxQuantityGrams;
    }
}
