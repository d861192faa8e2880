package io.fieldlink.firmware.pump;

/**
 * The claims of a booking e-token whose signature has been verified. Immutable.
 * Times are epoch milliseconds (UTC); quantity is grams.
 */
public final class BookingClaims {
    /** Pump number meaning "any pump of the station". */
    public static final int ANY_PUMP = 0;

    private final String tokenId;
    private final String stationId;
    private final int pump;
    private final long slotStartMs;
    private final long slotEndMs;
    private final long expiresMs;
    private final long quantityGrams;

    /**
     * @param tokenId unique token id, non-empty
     * @param stationId station the booking is for
     * @param pump pump number, or {@link #ANY_PUMP}
     * @param slotStartMs slot opens (inclusive)
     * @param slotEndMs slot closes (inclusive)
     * @param expiresMs token expiry; also how long the device remembers it as used
     * @param quantityGrams booked mass in grams
     * @throws IllegalArgumentException when an id is null or empty or the slot ends before it starts
     */
    public BookingClaims(String tokenId, String stationId, int pump, long slotStartMs, long slotEndMs,
            long expiresMs, long quantityGrams) {
        if (tokenId == null || tokenId.length() == 0) {
            throw new IllegalArgumentException("tokenId: empty");
        }
        if (stationId == null) {
            throw new IllegalArgumentException("stationId: null");
        }
        if (slotEndMs < slotStartMs) {
            throw new IllegalArgumentException("slot: ends before it starts");
        }
        this.tokenId = tokenId;
        this.stationId = stationId;
        this.pump = pump;
        this.slotStartMs = slotStartMs;
        this.slotEndMs = slotEndMs;
        this.expiresMs = expiresMs;
        this.quantityGrams = quantityGrams;
    }

    public String tokenId() {
        return tokenId;
    }

    public String stationId() {
        return stationId;
    }

    public int pump() {
        return pump;
    }

    public long slotStartMs() {
        return slotStartMs;
    }

    public long slotEndMs() {
        return slotEndMs;
    }

    public long expiresMs() {
        return expiresMs;
    }

    public long quantityGrams() {
        return quantityGrams;
    }

    @Override
    public String toString() {
        return "BookingClaims{" + tokenId + " station=" + stationId + " pump=" + pump + " slot=" + slotStartMs
                + ".." + slotEndMs + " exp=" + expiresMs + " g=" + quantityGrams + "}";
    }
}
