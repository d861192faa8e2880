package io.fieldlink.protocol.token;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborWriter;

/**
 * Which credit token ids a meter has used: the highest id seen and a bitmap of the {@value #WIDTH} ids
 * at and below it (OpenPAYGO-style, with 64-bit ids that never wrap in a meter's life).
 *
 * <p>An id is fresh when it is above the highest, or within the window below it and not used yet. An
 * id used before, or older than the window ({@code id <= highest - 64}), is a replay. Accepting an id
 * far above the highest forgets the unused ids that fall out of the window: issue ids in order.
 *
 * <p>Persists as CBOR {@code [1, highest, h'bitmap, 8 bytes big-endian']}, highest -1 when empty; bit
 * {@code i} of the bitmap (from the least significant) stands for id {@code highest - i}. Not
 * thread-safe: owned by the meter's event loop.
 */
public final class CreditTokenWindow {
    /** How many ids at and below the highest are remembered. */
    public static final int WIDTH = 64;

    private static final int FORMAT = 1;

    private long highest = -1;
    private long used;

    /** Returns an empty window: every id from 0 is fresh. */
    public CreditTokenWindow() {
    }

    /** Returns the highest id accepted so far, or -1. */
    public long highest() {
        return highest;
    }

    /** Returns whether {@code tokenId} (&ge; 0) has been accepted. */
    public boolean isUsed(long tokenId) {
        return highest >= 0 && tokenId <= highest && highest - tokenId < WIDTH
                && (used & (1L << (highest - tokenId))) != 0;
    }

    /** Returns whether {@code tokenId} is older than the window (and so can never be accepted). */
    public boolean isTooOld(long tokenId) {
        return highest >= 0 && tokenId <= highest - WIDTH;
    }

    /** Returns whether {@code tokenId} may be accepted: non-negative, not used, not too old. */
    public boolean isFresh(long tokenId) {
        return tokenId >= 0 && !isTooOld(tokenId) && !isUsed(tokenId);
    }

    /**
     * Records {@code tokenId} as used.
     *
     * @throws IllegalStateException when it is not {@link #isFresh fresh}; nothing changes then
     */
    public void accept(long tokenId) {
        if (!isFresh(tokenId)) {
            throw new IllegalStateException("credit token id " + tokenId + " is not fresh (highest " + highest + ")");
        }
        if (tokenId > highest) {
            long shift = highest < 0 ? WIDTH : tokenId - highest;
            used = shift >= WIDTH ? 0 : used << shift;
            used |= 1L;
            highest = tokenId;
        } else {
            used |= 1L << (highest - tokenId);
        }
    }

    /** Returns the persisted form. */
    public byte[] toBytes() {
        byte[] bitmap = new byte[8];
        for (int i = 0; i < 8; i++) {
            bitmap[i] = (byte) (used >>> (56 - 8 * i));
        }
        return new CborWriter(20).writeArrayHeader(3).writeInt(FORMAT).writeInt(highest).writeBytes(bitmap)
                .toByteArray();
    }

    /**
     * Restores a window from {@link #toBytes()}.
     *
     * @throws ProtocolException when the bytes are not a window of this format
     */
    public static CreditTokenWindow fromBytes(byte[] bytes) {
        CborReader r = new CborReader(bytes);
        if (r.readArrayHeader() != 3 || r.readInt() != FORMAT) {
            throw new ProtocolException("credit window: expected [" + FORMAT + ", highest, bitmap]");
        }
        long highest = r.readInt();
        byte[] bitmap = r.readBytes();
        if (r.hasMore() || bitmap.length != 8 || highest < -1) {
            throw new ProtocolException("credit window: highest " + highest + " or bitmap of " + bitmap.length
                    + " bytes out of range, or trailing bytes");
        }
        long used = 0;
        for (int i = 0; i < 8; i++) {
            used = (used << 8) | (bitmap[i] & 0xff);
        }
        if (highest == -1 ? used != 0 : (used & 1L) == 0) {
            throw new ProtocolException("credit window: bitmap does not match highest " + highest);
        }
        CreditTokenWindow window = new CreditTokenWindow();
        window.highest = highest;
        window.used = used;
        return window;
    }

    @Override
    public String toString() {
        return "CreditTokenWindow[highest=" + highest + ", used=" + Long.toHexString(used) + "]";
    }
}
