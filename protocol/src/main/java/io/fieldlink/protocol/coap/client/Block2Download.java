package io.fieldlink.protocol.coap.client;

import io.fieldlink.protocol.coap.BlockOption;
import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapFormatException;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapOption;

/**
 * Downloads one resource block by block with Block2 (RFC 7959 §2.4, e.g. a firmware image) through a
 * {@link CoapClient}, handing each block to a {@link BlockSink} as it arrives. It remembers the next
 * block number, the block size and the ETag, so a download stopped by a failure or a reboot
 * {@linkplain #resume(int, int, byte[]) resumes} where it stopped.
 *
 * <p>Checks: each response's block must start at the expected byte offset; a block with M=1 must be
 * exactly the block size and the last one at most that; the server may lower the block size (the
 * block number is rescaled), never raise it. When the ETag differs from the one seen so far the
 * representation changed: the sink is told to {@linkplain BlockSink#onRestart() restart} and the
 * download starts over from block 0, at most {@code maxRestarts} times; resuming without a known
 * ETag from a server that sends one therefore starts over. A server without ETags cannot be checked
 * for changes. A response without Block2 to the request for block 0 is the whole representation.
 * Threading: the client's event loop.
 */
public class Block2Download implements ResponseHandler {
    /** Why a download stopped. */
    public enum Failure {
        /** The request for a block timed out (see {@link FailureReason#TIMEOUT}). */
        TIMEOUT,
        /** The server reset the request for a block. */
        RESET,
        /** {@link #cancel()} was called. */
        CANCELLED,
        /** The server answered with a non-2.xx code (given to the sink). */
        ERROR_RESPONSE,
        /** A block at the wrong offset, of the wrong size, or with a bad Block2 option. */
        INCONSISTENT_BLOCK,
        /** The ETag changed more than {@code maxRestarts} times. */
        TOO_MANY_RESTARTS,
        /** The client had no free request slot. */
        NO_CAPACITY
    }

    private final CoapClient client;
    private final CoapMessage template = new CoapMessage();
    private final CoapMessage blockRequest = new CoapMessage();
    private final BlockSink sink;
    private final int maxRestarts;
    private int nextBlock;
    private int szx;
    private byte[] etag;
    private int restarts;
    private int requestId = -1;
    private boolean complete;

    /**
     * @param client      the client that carries the requests
     * @param request     the GET (CON) to repeat per block, without Block2; copied
     * @param szx         the block size to ask for, 0..6 (16..1024 bytes)
     * @param maxRestarts how many ETag changes to follow before giving up
     * @param sink        where the blocks go
     */
    public Block2Download(CoapClient client, CoapMessage request, int szx, int maxRestarts, BlockSink sink) {
        BlockOption.of(0, false, szx);
        this.client = client;
        this.template.copyFrom(request);
        this.template.options().remove(CoapOption.BLOCK2);
        this.szx = szx;
        this.maxRestarts = maxRestarts;
        this.sink = sink;
    }

    /** Starts from block 0. */
    public void start() {
        resume(0, szx, null);
    }

    /**
     * Continues from a remembered position.
     *
     * @param nextBlock the first block still missing
     * @param szx       the block size in force when it was remembered
     * @param etag      the ETag the earlier blocks carried, or null if unknown
     */
    public void resume(int nextBlock, int szx, byte[] etag) {
        BlockOption.of(nextBlock, false, szx);
        this.nextBlock = nextBlock;
        this.szx = szx;
        this.etag = etag == null ? null : etag.clone();
        this.restarts = 0;
        this.complete = false;
        requestNext();
    }

    /** Stops the download; the sink gets {@link Failure#CANCELLED}. */
    public void cancel() {
        if (requestId >= 0) {
            client.cancel(requestId);
        }
    }

    /** The first block not yet delivered, in units of {@link #szx()}. */
    public int nextBlock() {
        return nextBlock;
    }

    /** The block size exponent in force. */
    public int szx() {
        return szx;
    }

    /** A copy of the ETag of the blocks delivered so far, or null. */
    public byte[] etag() {
        return etag == null ? null : etag.clone();
    }

    /** True while a block request is pending. */
    public boolean isRunning() {
        return requestId >= 0;
    }

    /** True once the last block has been delivered. */
    public boolean isComplete() {
        return complete;
    }

    @Override
    public void onResponse(CoapMessage response) {
        requestId = -1;
        if (!CoapCode.isSuccess(response.code())) {
            sink.onFailure(Failure.ERROR_RESPONSE, response.code());
            return;
        }
        int block;
        try {
            block = response.block2();
        } catch (CoapFormatException e) {
            sink.onFailure(Failure.INCONSISTENT_BLOCK, 0);
            return;
        }
        if (!response.etagEquals(etag)) {
            if (nextBlock > 0 || etag != null) {
                if (restarts++ >= maxRestarts) {
                    sink.onFailure(Failure.TOO_MANY_RESTARTS, 0);
                    return;
                }
                etag = response.etag();
                nextBlock = 0;
                sink.onRestart();
                requestNext();
                return;
            }
            etag = response.etag();
        }
        long expectedOffset = (long) nextBlock * BlockOption.sizeOfSzx(szx);
        int len = response.payloadLength();
        if (block < 0) {
            if (nextBlock != 0) {
                sink.onFailure(Failure.INCONSISTENT_BLOCK, 0);
                return;
            }
            complete = true;
            sink.onBlock(0, response.payloadArray(), 0, len);
            sink.onComplete(len);
            return;
        }
        int size = BlockOption.size(block);
        boolean more = BlockOption.more(block);
        if (BlockOption.szx(block) > szx || BlockOption.offset(block) != expectedOffset
                || (more ? len != size : len > size)) {
            sink.onFailure(Failure.INCONSISTENT_BLOCK, 0);
            return;
        }
        szx = BlockOption.szx(block);
        nextBlock = BlockOption.num(block) + 1;
        sink.onBlock(expectedOffset, response.payloadArray(), 0, len);
        if (more) {
            requestNext();
        } else {
            complete = true;
            sink.onComplete(expectedOffset + len);
        }
    }

    @Override
    public void onFailure(FailureReason reason) {
        requestId = -1;
        sink.onFailure(reason == FailureReason.TIMEOUT ? Failure.TIMEOUT
                : reason == FailureReason.RESET ? Failure.RESET : Failure.CANCELLED, 0);
    }

    private void requestNext() {
        blockRequest.copyFrom(template);
        blockRequest.setBlock2(BlockOption.of(nextBlock, false, szx));
        requestId = client.request(blockRequest, this);
        if (requestId < 0) {
            sink.onFailure(Failure.NO_CAPACITY, 0);
        }
    }
}
