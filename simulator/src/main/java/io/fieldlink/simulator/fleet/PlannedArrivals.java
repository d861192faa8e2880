package io.fieldlink.simulator.fleet;

/**
 * A pump's planned vehicle arrivals, oldest first, as three longs each (arrival time; booking id;
 * wanted grams, the booked / no-show flags and a booking's slot start as seconds from the arrival)
 * in one ring, plus the host's booking token when the fleet books through a host. The ring grows to
 * a busy hour's plan and shrinks back as the queue empties, so a station at night holds a few dozen
 * bytes rather than a record, a vehicle and a deque slot per arrival. Not thread-safe (one board's
 * event loop).
 */
final class PlannedArrivals {
    private static final int FIELDS = 3;
    private static final int MIN_CAPACITY = 4;
    private static final long GRAMS = (1L << 24) - 1;
    private static final long BOOKED = 1L << 24;
    private static final long NO_SHOW = 1L << 25;
    private static final long[] EMPTY = new long[0];

    private long[] ring = EMPTY;
    private String[] tokens;
    private int head;
    private int count;

    int size() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /**
     * Plans an arrival at the end of the queue.
     *
     * @param hostToken the host's booking token, or null (walk-in, or a booking minted when shown)
     * @param slotStart a booking's slot start, epoch seconds (kept only for a booked arrival; within
     *     68 years of the arrival)
     */
    void add(long arrivalMillis, long wantsGrams, boolean booked, boolean noShow, String hostToken, long bookingId,
            long slotStart) {
        if (wantsGrams < 0 || wantsGrams > GRAMS) {
            throw new IllegalArgumentException("wanted grams " + wantsGrams + " out of range");
        }
        long slotDelta = booked ? slotStart - Math.floorDiv(arrivalMillis, 1000L) : 0;
        if (slotDelta != (int) slotDelta) {
            throw new IllegalArgumentException("slot start " + slotStart + " too far from arrival " + arrivalMillis);
        }
        if (count * FIELDS == ring.length) {
            resize(Math.max(MIN_CAPACITY, count + count / 2 + 1));
        }
        int at = slot(count);
        ring[at] = arrivalMillis;
        ring[at + 1] = bookingId;
        ring[at + 2] = slotDelta << 32 | wantsGrams | (booked ? BOOKED : 0) | (noShow ? NO_SHOW : 0);
        if (hostToken != null) {
            if (tokens == null) {
                tokens = new String[ring.length / FIELDS];
            }
            tokens[at / FIELDS] = hostToken;
        }
        count++;
    }

    /** @return the first planned arrival's time; the queue must not be empty */
    long firstArrivalMillis() {
        return ring[slot(0)];
    }

    long firstWantsGrams() {
        return ring[slot(0) + 2] & GRAMS;
    }

    boolean firstBooked() {
        return (ring[slot(0) + 2] & BOOKED) != 0;
    }

    boolean firstNoShow() {
        return (ring[slot(0) + 2] & NO_SHOW) != 0;
    }

    long firstBookingId() {
        return ring[slot(0) + 1];
    }

    /** @return the first arrival's booking slot start, epoch seconds (0 when it is not booked) */
    long firstSlotStart() {
        int at = slot(0);
        return firstBooked() ? Math.floorDiv(ring[at], 1000L) + (ring[at + 2] >> 32) : 0;
    }

    /** @return the host's token of the first arrival, or null */
    String firstHostToken() {
        return tokens == null ? null : tokens[slot(0) / FIELDS];
    }

    /** Drops the first arrival; shrinks the ring when it is at most a quarter used. */
    void removeFirst() {
        if (count == 0) {
            throw new IllegalStateException("no planned arrival");
        }
        if (tokens != null) {
            tokens[slot(0) / FIELDS] = null;
        }
        head = (head + FIELDS) % ring.length;
        count--;
        int capacity = ring.length / FIELDS;
        if (count == 0) {
            head = 0;
        }
        if (capacity > MIN_CAPACITY && capacity > 2 * count + 2) {
            resize(Math.max(MIN_CAPACITY, count + count / 2 + 1));
        }
    }

    private int slot(int index) {
        return (head + index * FIELDS) % ring.length;
    }

    private void resize(int capacity) {
        long[] bigger = new long[capacity * FIELDS];
        String[] moreTokens = tokens == null ? null : new String[capacity];
        for (int i = 0; i < count; i++) {
            int from = slot(i);
            System.arraycopy(ring, from, bigger, i * FIELDS, FIELDS);
            if (tokens != null) {
                moreTokens[i] = tokens[from / FIELDS];
            }
        }
        ring = bigger;
        tokens = moreTokens;
        head = 0;
    }
}
