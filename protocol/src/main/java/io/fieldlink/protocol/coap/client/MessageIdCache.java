package io.fieldlink.protocol.coap.client;

/**
 * Inbound message ids seen recently (RFC 7252 §4.5), each with the empty reply sent for it so that
 * a duplicate CON gets the same ACK or RST again. At most {@code capacity} ids; the table grows (by
 * doubling) only while every id it holds is still live, up to the capacity, so it allocates nothing
 * once it has reached the most ids that were ever live at once.
 */
final class MessageIdCache {
    static final int NO_REPLY = 0;
    static final int ACK = 2;
    static final int RST = 3;

    private final int capacity;
    private int[] ids = new int[0];
    private long[] expiries = new long[0];
    private int[] replies = new int[0];

    MessageIdCache(int capacity) {
        this.capacity = capacity;
    }

    /** The slot of {@code id} if it was seen and has not expired at {@code now}, else -1. */
    int find(int id, long now) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id && expiries[i] > now) {
                return i;
            }
        }
        return -1;
    }

    int reply(int slot) {
        return replies[slot];
    }

    /**
     * Remembers {@code id} until {@code expiry}, in the slot that expires first (an expired one if
     * any; a new one while all are live at {@code now} and the capacity allows).
     */
    void remember(int id, long expiry, int reply, long now) {
        int slot = -1;
        for (int i = 0; i < ids.length; i++) {
            if (slot < 0 || expiries[i] < expiries[slot]) {
                slot = i;
            }
        }
        if ((slot < 0 || expiries[slot] > now) && ids.length < capacity) {
            slot = ids.length;
            grow(Math.min(capacity, Math.max(4, ids.length * 2)));
        }
        ids[slot] = id;
        expiries[slot] = expiry;
        replies[slot] = reply;
    }

    private void grow(int n) {
        int[] i2 = new int[n];
        long[] e2 = new long[n];
        int[] r2 = new int[n];
        System.arraycopy(ids, 0, i2, 0, ids.length);
        System.arraycopy(expiries, 0, e2, 0, expiries.length);
        System.arraycopy(replies, 0, r2, 0, replies.length);
        for (int i = ids.length; i < n; i++) {
            e2[i] = Long.MIN_VALUE;
        }
        ids = i2;
        expiries = e2;
        replies = r2;
    }
}
