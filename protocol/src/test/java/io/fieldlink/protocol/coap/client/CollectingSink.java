package io.fieldlink.protocol.coap.client;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

final class CollectingSink implements BlockSink {
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    final List<Long> offsets = new ArrayList<>();
    final List<Block2Download.Failure> failures = new ArrayList<>();
    final List<Integer> failureCodes = new ArrayList<>();
    int restarts;
    long start;
    long total = -1;

    @Override
    public void onBlock(long offset, byte[] buf, int off, int len) {
        if (offset != start + data.size()) {
            throw new AssertionError("block at " + offset + " but have " + (start + data.size()));
        }
        offsets.add(offset);
        data.write(buf, off, len);
    }

    @Override
    public void onRestart() {
        restarts++;
        start = 0;
        data.reset();
        offsets.clear();
    }

    @Override
    public void onComplete(long totalBytes) {
        total = totalBytes;
    }

    @Override
    public void onFailure(Block2Download.Failure failure, int code) {
        failures.add(failure);
        failureCodes.add(code);
    }

    boolean finished() {
        return total >= 0 || !failures.isEmpty();
    }
}
