package io.fieldlink.protocol.coap.client;

/**
 * Inbound message ids seen recently (RFC 7252 §4.5), each with the empty reply sent for it so that
 * a duplicate CON gets the same ACK or RST again. A fixed-size table: no allocation after construction.
 */
final class MessageIdCache {
    static final int NO_REPLY = 0;
    static final int ACK = 2;
    static final int RST = 3;

    private final int[] ids;
    private final long[] expiries;
    private final int[] replies;

    MessageIdCache(int capacity) {
        ids = new int[capacity];
        expiries = new long[capacity];
        replies = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            expiries[i] = Long.MIN_VALUE;
        }
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

    /** Remembers {@code id} until {@code expiry}, in the slot that expires first (an expired one if any). */
    void remember(int id, long expiry, int reply) {
        int slot = 0;
        for (int i = 1; i < ids.length; i++) {
            if (expiries[i] < expiries[slot]) {
                slot = i;
            }
        }
        ids[slot] = id;
        expiries[slot] = expiry;
        replies[slot] = reply;
    }
}
