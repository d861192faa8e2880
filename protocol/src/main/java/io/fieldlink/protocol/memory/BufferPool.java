package io.fieldlink.protocol.memory;

import io.fieldlink.protocol.coap.CoapMessage;

/**
 * Lends byte buffers and CoAP messages for the duration of one exchange (or one encode, decode or
 * commit) and takes them back afterwards, so the memory of an exchange belongs to whoever runs it
 * rather than to every board that might.
 *
 * <p>What a borrower gets is at least as large as it asked for and holds whatever the last borrower
 * left in it (a message comes back {@link CoapMessage#reset() reset}). The pool allocates only when
 * nothing suitable is free and keeps what it is given back (up to {@value #KEEP} buffers per size
 * class and {@value #KEEP} messages), so a steady state allocates nothing: on a device a board has
 * its own pool and its working memory is what its first exchanges needed; in a simulator every board
 * on one scheduler thread borrows from that thread's pool, and the fleet holds only the buffers of
 * exchanges in progress. A buffer not given back (a board dropped by a power cut with an exchange
 * in flight) is simply garbage; {@link #lent()} counts it as still out.
 *
 * <p>Not thread-safe: one pool per event loop.
 */
public final class BufferPool {
    /** The most buffers kept per size class, and the most messages kept. */
    static final int KEEP = 32;
    private static final int CLASSES = 32;
    private static final int GRAIN = 64;

    private final byte[][][] free = new byte[CLASSES][][];
    private final int[] freeCount = new int[CLASSES];
    private CoapMessage[] messages = new CoapMessage[0];
    private int messageCount;
    private int lent;
    private long allocatedBytes;

    /**
     * @param minLength the smallest length the caller needs, &ge; 0
     * @return a buffer of at least {@code minLength} bytes (contents undefined), to be given back with
     *     {@link #giveBack(byte[])}
     */
    public byte[] borrow(int minLength) {
        if (minLength < 0) {
            throw new IllegalArgumentException("negative buffer length " + minLength);
        }
        int size = (minLength + GRAIN - 1) / GRAIN * GRAIN;
        int c = sizeClass(Math.max(size, GRAIN));
        byte[][] stack = free[c];
        for (int i = freeCount[c] - 1; i >= 0; i--) {
            byte[] b = stack[i];
            if (b.length >= minLength) {
                stack[i] = stack[freeCount[c] - 1];
                stack[--freeCount[c]] = null;
                lent++;
                return b;
            }
        }
        lent++;
        allocatedBytes += size;
        return new byte[size];
    }

    /** @param buffer a buffer borrowed from this pool (null is ignored); the caller must not use it after */
    public void giveBack(byte[] buffer) {
        if (buffer == null) {
            return;
        }
        lent--;
        int c = sizeClass(Math.max(buffer.length, 1));
        if (freeCount[c] == KEEP) {
            return;
        }
        if (free[c] == null) {
            free[c] = new byte[4][];
        } else if (freeCount[c] == free[c].length) {
            byte[][] bigger = new byte[Math.min(KEEP, free[c].length * 2)][];
            System.arraycopy(free[c], 0, bigger, 0, freeCount[c]);
            free[c] = bigger;
        }
        free[c][freeCount[c]++] = buffer;
    }

    /** @return a reset message, to be given back with {@link #giveBack(CoapMessage)} */
    public CoapMessage borrowMessage() {
        lent++;
        if (messageCount == 0) {
            return new CoapMessage();
        }
        CoapMessage m = messages[--messageCount];
        messages[messageCount] = null;
        return m.reset();
    }

    /** @param message a message borrowed from this pool (null is ignored); the caller must not use it after */
    public void giveBack(CoapMessage message) {
        if (message == null) {
            return;
        }
        lent--;
        if (messageCount == KEEP) {
            return;
        }
        if (messageCount == messages.length) {
            CoapMessage[] bigger = new CoapMessage[Math.max(2, messageCount * 2)];
            System.arraycopy(messages, 0, bigger, 0, messageCount);
            messages = bigger;
        }
        messages[messageCount++] = message;
    }

    /** @return buffers and messages borrowed and not given back */
    public int lent() {
        return lent;
    }

    /** @return buffers and messages kept for lending */
    public int pooled() {
        int n = messageCount;
        for (int c : freeCount) {
            n += c;
        }
        return n;
    }

    /** @return bytes of buffers this pool has allocated since it was made */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /** The class of buffers of {@code n} bytes: ceil(log2(n)). */
    private static int sizeClass(int n) {
        return 32 - Integer.numberOfLeadingZeros(n - 1);
    }
}
