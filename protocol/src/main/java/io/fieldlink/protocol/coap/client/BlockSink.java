package io.fieldlink.protocol.coap.client;

/**
 * Receives a {@link Block2Download}'s blocks in order, on the event-loop thread. To survive a
 * reboot, persist the download's {@code nextBlock()}, {@code szx()} and {@code etag()} together
 * with the data after each {@link #onBlock}, and {@code resume} from them.
 */
public interface BlockSink {
    /**
     * The next block of the representation. {@code data} is the client's buffer, valid only during
     * the call.
     *
     * @param offset byte offset of {@code data[off]} in the representation
     */
    void onBlock(long offset, byte[] data, int off, int len);

    /** The representation changed on the server (new ETag): discard everything received; blocks restart at offset 0. */
    void onRestart();

    /** The last block has been delivered; {@code totalBytes} is the representation's size. */
    void onComplete(long totalBytes);

    /**
     * The download stopped; {@code resume} continues from the last delivered block.
     *
     * @param code the response code for {@link Block2Download.Failure#ERROR_RESPONSE}, else 0
     */
    void onFailure(Block2Download.Failure failure, int code);
}
