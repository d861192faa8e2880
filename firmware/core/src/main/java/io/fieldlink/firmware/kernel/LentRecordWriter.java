package io.fieldlink.firmware.kernel;

import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.memory.BufferPool;

/**
 * A CBOR writer for journal records whose buffer is borrowed from the board's {@link BufferPool}
 * for the encoding of one record ({@link #begin()}) and given back right after it is journalled
 * ({@link #end()}, in a {@code finally} so an exception or a power cut reaching the kernel gives it
 * back too). An idle writer holds no buffer of its own, so an app's event journal costs a board
 * only while it writes. Event-loop thread only.
 */
public final class LentRecordWriter {
    /** What an idle writer points at; never written (every write starts with {@link #begin()}). */
    private static final byte[] IDLE = new byte[16];

    private final BufferPool buffers;
    private final int size;
    private final CborWriter writer = new CborWriter(0);
    private boolean lent;

    /**
     * @param buffers the board's buffer pool
     * @param size the buffer to borrow per record, in bytes (the writer grows past it if needed)
     */
    public LentRecordWriter(BufferPool buffers, int size) {
        if (buffers == null) {
            throw new IllegalArgumentException("buffers: null");
        }
        if (size < 16) {
            throw new IllegalArgumentException("record buffer of " + size + " bytes is too small");
        }
        this.buffers = buffers;
        this.size = size;
        writer.reset(IDLE);
    }

    /** @return the writer: write into it only between {@link #begin()} and {@link #end()} */
    public CborWriter writer() {
        return writer;
    }

    /**
     * Borrows a buffer (giving back one still held by a write that was not ended) and starts a record.
     *
     * @return the writer, empty
     */
    public CborWriter begin() {
        if (lent) {
            buffers.giveBack(writer.buffer());
        }
        lent = true;
        return writer.reset(buffers.borrow(size));
    }

    /** Gives the buffer back (it may be the larger one the writer grew into); idle again. Idempotent. */
    public void end() {
        if (!lent) {
            return;
        }
        lent = false;
        byte[] used = writer.buffer();
        writer.reset(IDLE);
        buffers.giveBack(used);
    }

    /** @return true while a record's buffer is borrowed */
    public boolean lent() {
        return lent;
    }
}
