package io.fieldlink.firmware.pump;

import java.util.Arrays;

/** A {@link PersistentCell} in memory; survives a "reboot" when the same instance is reused. */
final class MemoryCell implements PersistentCell {
    private byte[] content = new byte[0];
    int writes;

    @Override
    public byte[] read() {
        return content.clone();
    }

    @Override
    public void write(byte[] c) {
        content = Arrays.copyOf(c, c.length);
        writes++;
    }
}
