package io.fieldlink.firmware.pump;

import java.io.UnsupportedEncodingException;

/**
 * The booking tokens this station has redeemed, each remembered until it expires, kept in a
 * {@link PersistentCell} so a reboot forgets none. Bounded: when full of unexpired tokens, new ones
 * are refused rather than an old one forgotten.
 *
 * <p>Storage format (big-endian): u16 count, then per token: i64 expiry ms, u8 id length, id UTF-8.
 * A corrupt cell is an {@link IllegalStateException} at construction (never silently emptied: that
 * would re-enable replays). Not thread-safe: event loop only.
 */
public final class UsedBookings {
    /** Longest token id accepted, in UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 64;

    private final PersistentCell cell;
    private final int capacity;
    private final String[] ids;
    private final long[] expiries;
    private int size;

    /**
     * Loads the remembered tokens.
     *
     * @param cell where they persist
     * @param capacity how many unexpired tokens to remember at most (1..4096)
     * @throws IllegalArgumentException on a bad capacity
     * @throws IllegalStateException when the stored content is corrupt
     */
    public UsedBookings(PersistentCell cell, int capacity) {
        if (cell == null) {
            throw new IllegalArgumentException("cell: null");
        }
        if (capacity < 1 || capacity > 4096) {
            throw new IllegalArgumentException("capacity: " + capacity + " not in 1..4096");
        }
        this.cell = cell;
        this.capacity = capacity;
        this.ids = new String[capacity];
        this.expiries = new long[capacity];
        load(cell.read());
    }

    /** @return true when the token is remembered as used and not yet expired at {@code nowMs} */
    public boolean contains(String tokenId, long nowMs) {
        for (int i = 0; i < size; i++) {
            if (expiries[i] > nowMs && ids[i].equals(tokenId)) {
                return true;
            }
        }
        return false;
    }

    /** @return true when one more token can be remembered at {@code nowMs} (expired ones make room) */
    public boolean hasRoom(long nowMs) {
        return size < capacity || countExpired(nowMs) > 0;
    }

    /**
     * Remembers a token as used and persists the set before returning.
     *
     * @return false (and nothing changes) when full of unexpired tokens
     * @throws IllegalArgumentException when the id is longer than {@link #MAX_ID_BYTES}
     */
    public boolean remember(String tokenId, long expiresMs, long nowMs) {
        if (utf8(tokenId).length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("tokenId: longer than " + MAX_ID_BYTES + " bytes");
        }
        prune(nowMs);
        if (size == capacity) {
            return false;
        }
        ids[size] = tokenId;
        expiries[size] = expiresMs;
        size++;
        cell.write(encode());
        return true;
    }

    /** @return how many tokens are held, expired ones not yet pruned included */
    public int size() {
        return size;
    }

    private int countExpired(long nowMs) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (expiries[i] <= nowMs) {
                n++;
            }
        }
        return n;
    }

    private void prune(long nowMs) {
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (expiries[r] > nowMs) {
                ids[w] = ids[r];
                expiries[w] = expiries[r];
                w++;
            }
        }
        for (int i = w; i < size; i++) {
            ids[i] = null;
        }
        size = w;
    }

    private byte[] encode() {
        byte[][] raw = new byte[size][];
        int len = 2;
        for (int i = 0; i < size; i++) {
            raw[i] = utf8(ids[i]);
            len += 9 + raw[i].length;
        }
        byte[] out = new byte[len];
        out[0] = (byte) (size >>> 8);
        out[1] = (byte) size;
        int p = 2;
        for (int i = 0; i < size; i++) {
            long e = expiries[i];
            for (int s = 56; s >= 0; s -= 8) {
                out[p++] = (byte) (e >>> s);
            }
            out[p++] = (byte) raw[i].length;
            System.arraycopy(raw[i], 0, out, p, raw[i].length);
            p += raw[i].length;
        }
        return out;
    }

    private void load(byte[] in) {
        if (in.length == 0) {
            return;
        }
        if (in.length < 2) {
            throw corrupt(0, "truncated count");
        }
        int n = ((in[0] & 0xff) << 8) | (in[1] & 0xff);
        if (n > capacity) {
            throw corrupt(0, n + " tokens stored, capacity " + capacity);
        }
        int p = 2;
        for (int i = 0; i < n; i++) {
            if (p + 9 > in.length) {
                throw corrupt(p, "truncated entry " + i);
            }
            long e = 0;
            for (int k = 0; k < 8; k++) {
                e = (e << 8) | (in[p++] & 0xff);
            }
            int idLen = in[p++] & 0xff;
            if (idLen == 0 || p + idLen > in.length) {
                throw corrupt(p - 1, "bad id length " + idLen);
            }
            ids[i] = fromUtf8(in, p, idLen);
            expiries[i] = e;
            p += idLen;
        }
        if (p != in.length) {
            throw corrupt(p, "trailing bytes");
        }
        size = n;
    }

    private static IllegalStateException corrupt(int offset, String what) {
        return new IllegalStateException("used booking tokens: corrupt at offset " + offset + ": " + what);
    }

    static byte[] utf8(String s) {
        try {
            return s.getBytes("UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 unsupported", e);
        }
    }

    private static String fromUtf8(byte[] b, int off, int len) {
        try {
            return new String(b, off, len, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 unsupported", e);
        }
    }
}
