package io.fieldlink.firmware.meter;

/**
 * Which credit token ids this meter has redeemed: the highest id so far and a 64-slot window of
 * the ids just below it, so tokens issued in order but entered slightly out of order are still
 * accepted, while any id redeemed before, or older than the window, is refused. Two longs of
 * state, persisted with the balance. Ids are per-meter counters from 0 (64-bit, they never roll
 * over). Not thread-safe; allocation-free.
 */
public final class CreditTokenMemory {

    /** How far below the highest redeemed id a token may still be accepted. */
    public static final int WINDOW = 64;

    private long highest = -1;
    private long usedBelow;

    /** Whether {@code tokenId} would be accepted now (not redeemed, not older than the window). */
    public boolean isFresh(long tokenId) {
        if (tokenId < 0) {
            return false;
        }
        if (tokenId > highest) {
            return true;
        }
        long back = highest - tokenId;
        if (back == 0 || back > WINDOW) {
            return false;
        }
        return (usedBelow & (1L << (back - 1))) == 0;
    }

    /**
     * Records {@code tokenId} as redeemed.
     *
     * @throws IllegalArgumentException if it is not {@link #isFresh fresh}
     */
    public void markUsed(long tokenId) {
        if (!isFresh(tokenId)) {
            throw new IllegalArgumentException("token id not fresh: " + tokenId);
        }
        if (tokenId > highest) {
            long moved = 0;
            if (highest >= 0) {
                long shift = tokenId - highest;
                if (shift < WINDOW) {
                    moved = usedBelow << shift;
                }
                if (shift <= WINDOW) {
                    moved |= 1L << (shift - 1);
                }
            }
            usedBelow = moved;
            highest = tokenId;
        } else {
            usedBelow |= 1L << (highest - tokenId - 1);
        }
    }

    /** Highest redeemed id, or -1. */
    public long highest() {
        return highest;
    }

    /** Bit i set = id {@code highest - 1 - i} redeemed. */
    public long usedBelow() {
        return usedBelow;
    }

    /**
     * Restores persisted state.
     *
     * @throws IllegalArgumentException if {@code highest} is below -1
     */
    public void restore(long highest, long usedBelow) {
        if (highest < -1) {
            throw new IllegalArgumentException("token memory highest out of range: " + highest);
        }
        this.highest = highest;
        this.usedBelow = highest < 0 ? 0 : usedBelow;
    }
}
