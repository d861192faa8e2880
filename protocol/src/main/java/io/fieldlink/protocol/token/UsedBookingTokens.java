package io.fieldlink.protocol.token;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborWriter;

/**
 * The booking ids a pump has redeemed, each remembered until its token expires. At most {@link
 * #capacity()} live entries: when they are all live a new booking is refused ("over-limit") rather
 * than forgetting one that could then be replayed.
 *
 * <p>Memory grows with the entries held (doubling from a few up to the capacity), so an idle pump
 * does not hold room for {@code capacity} bookings it never had.
 *
 * <p>Persists as CBOR {@code [1, [id0, expiry0, id1, expiry1, ...]]}. Not thread-safe: owned by the
 * pump's event loop.
 */
public final class UsedBookingTokens {
    private static final int FORMAT = 1;

    private static final int FIRST_ROOM = 8;

    private final int capacity;
    private long[] ids;
    private long[] expiries;
    private int size;

    /**
     * Returns an empty store for up to {@code capacity} live bookings.
     *
     * @throws IllegalArgumentException when capacity is not positive
     */
    public UsedBookingTokens(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        ids = new long[Math.min(capacity, FIRST_ROOM)];
        expiries = new long[ids.length];
    }

    public int capacity() {
        return capacity;
    }

    /** Returns the number of entries held, live or not yet purged. */
    public int size() {
        return size;
    }

    /** Returns whether booking {@code id} is remembered as used. */
    public boolean isUsed(long id) {
        return indexOf(id) >= 0;
    }

    /** Returns whether one more booking fits at {@code nowSeconds} (expired entries count as free). */
    public boolean hasRoom(long nowSeconds) {
        int live = 0;
        for (int i = 0; i < size; i++) {
            if (expiries[i] > nowSeconds) {
                live++;
            }
        }
        return live < capacity;
    }

    /**
     * Forgets the bookings whose expiry is at or before {@code nowSeconds}.
     *
     * @return how many were forgotten
     */
    public int purge(long nowSeconds) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (expiries[i] > nowSeconds) {
                ids[kept] = ids[i];
                expiries[kept] = expiries[i];
                kept++;
            }
        }
        int removed = size - kept;
        size = kept;
        return removed;
    }

    /**
     * Purges, then records booking {@code id} as used until {@code expirySeconds}.
     *
     * @throws IllegalStateException when the id is already used or there is no room; nothing changes then
     */
    public void accept(long id, long expirySeconds, long nowSeconds) {
        if (isUsed(id)) {
            throw new IllegalStateException("booking " + id + " is already used");
        }
        if (!hasRoom(nowSeconds)) {
            throw new IllegalStateException("no room for booking " + id + ": " + capacity + " live bookings");
        }
        purge(nowSeconds);
        room();
        ids[size] = id;
        expiries[size] = expirySeconds;
        size++;
    }

    /** Makes room for one more entry (size is below capacity). */
    private void room() {
        if (size == ids.length) {
            int n = Math.min(capacity, ids.length * 2);
            long[] moreIds = new long[n];
            long[] moreExpiries = new long[n];
            System.arraycopy(ids, 0, moreIds, 0, size);
            System.arraycopy(expiries, 0, moreExpiries, 0, size);
            ids = moreIds;
            expiries = moreExpiries;
        }
    }

    private int indexOf(long id) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the persisted form. */
    public byte[] toBytes() {
        CborWriter w = new CborWriter(8 + 18 * size).writeArrayHeader(2).writeInt(FORMAT).writeArrayHeader(2 * size);
        for (int i = 0; i < size; i++) {
            w.writeInt(ids[i]).writeInt(expiries[i]);
        }
        return w.toByteArray();
    }

    /**
     * Restores a store of {@code capacity} from {@link #toBytes()}.
     *
     * @throws ProtocolException when the bytes are not of this format, hold a repeated id, or hold more
     *     entries than {@code capacity}
     */
    public static UsedBookingTokens fromBytes(byte[] bytes, int capacity) {
        UsedBookingTokens store = new UsedBookingTokens(capacity);
        CborReader r = new CborReader(bytes);
        if (r.readArrayHeader() != 2 || r.readInt() != FORMAT) {
            throw new ProtocolException("used bookings: expected [" + FORMAT + ", [id, expiry, ...]]");
        }
        int n = r.readArrayHeader();
        if (n < 0 || n % 2 != 0 || n / 2 > capacity) {
            throw new ProtocolException("used bookings: " + n + " items is not an even count of at most "
                    + 2 * capacity);
        }
        for (int i = 0; i < n / 2; i++) {
            long id = r.readInt();
            long expiry = r.readInt();
            if (store.isUsed(id)) {
                throw new ProtocolException("used bookings: booking " + id + " appears twice");
            }
            store.room();
            store.ids[i] = id;
            store.expiries[i] = expiry;
            store.size++;
        }
        if (r.hasMore()) {
            throw new ProtocolException("used bookings: trailing bytes at offset " + r.position());
        }
        return store;
    }
}
