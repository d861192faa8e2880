package io.fieldlink.simulator.fleet;

/**
 * A pump's planned vehicle arrivals, oldest first, as four longs each (arrival time, wanted grams
 * with the booked / no-show flags, booking id, booking slot start) in one ring, plus the host's
 * booking token when the fleet books through a host. The ring grows to a busy hour's plan and
 * shrinks back as the queue empties, so a station at night holds a few dozen bytes rather than a
 * record, a vehicle and a deque slot per arrival. Not thread-safe (one board's event loop).
 */
final class PlannedArrivals {
    private static final int FIELDS = 4;
    private static final int MIN_CAPACITY = 4;
    private static final long BOOKED = 1L << 62;
    private static final long NO_SHOW = 1L << 61;
    private static final long GRAMS = NO_SHOW - 1;
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
     */
    void add(long arrivalMillis, long wantsGrams, boolean booked, boolean noShow, String hostToken, long bookingId,
            long slotStart) {
        if (wantsGrams < 0 || wantsGrams > GRAMS) {
            throw new IllegalArgumentException("wanted grams " + wantsGrams + " out of range");
        }
        if (count * FIELDS == ring.length) {
            resize(Math.max(MIN_CAPACITY, count * 2));
        }
        int at = slot(count);
        ring[at] = arrivalMillis;
        ring[at + 1] = wantsGrams | (booked ? BOOKED : 0) | (noShow ? NO_SHOW : 0);
        ring[at + 2] = bookingId;
        ring[at + 3] = slotStart;
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
        return ring[slot(0) + 1] & GRAMS;
    }

    boolean firstBooked() {
        return (ring[slot(0) + 1] & BOOKED) != 0;
    }

    boolean firstNoShow() {
        return (ring[slot(0) + 1] & NO_SHOW) != 0;
    }

    long firstBookingId() {
        return ring[slot(0) + 2];
    }

    long firstSlotStart() {
        return ring[slot(0) + 3];
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
        if (capacity > MIN_CAPACITY && count * 4 <= capacity) {
            resize(Math.max(MIN_CAPACITY, count * 2));
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
