package io.fieldlink.firmware.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DualSlotStoreTest {

    private static byte[] payload(int fill, int len) {
        byte[] b = new byte[len];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    @Test
    void emptyMemoryLoadsNothing() {
        DualSlotStore s = new DualSlotStore(new InMemorySlotMemory(2048));
        assertThat(s.load(new byte[MeterSnapshot.MAX_SIZE])).isEqualTo(-1);
    }

    @Test
    void loadsTheNewestCommit() {
        InMemorySlotMemory mem = new InMemorySlotMemory(2048);
        DualSlotStore s = new DualSlotStore(mem);
        s.commit(payload(1, 100), 100);
        s.commit(payload(2, 90), 90);
        s.commit(payload(3, 80), 80);
        byte[] into = new byte[MeterSnapshot.MAX_SIZE];
        int n = new DualSlotStore(mem).load(into);
        assertThat(Arrays.copyOf(into, n)).isEqualTo(payload(3, 80));
    }

    /** Verifies that a write cut at every possible byte leaves the previous snapshot, and the store works on after it. */
    @Test
    void cutAtAnyByteKeepsThePreviousSnapshot() {
        for (int cut = 0; cut < 16 + 120 + 4; cut++) {
            InMemorySlotMemory mem = new InMemorySlotMemory(2048);
            DualSlotStore s = new DualSlotStore(mem);
            s.commit(payload(1, 100), 100);
            s.commit(payload(2, 110), 110);
            mem.cutNextWriteAfter(cut);
            assertThatThrownBy(() -> s.commit(payload(3, 120), 120)).isInstanceOf(InMemorySlotMemory.PowerCut.class);
            DualSlotStore rebooted = new DualSlotStore(mem);
            byte[] into = new byte[MeterSnapshot.MAX_SIZE];
            int n = rebooted.load(into);
            assertThat(Arrays.copyOf(into, n)).as("cut after %d bytes", cut).isEqualTo(payload(2, 110));
            rebooted.commit(payload(4, 50), 50);
            n = new DualSlotStore(mem).load(into);
            assertThat(Arrays.copyOf(into, n)).isEqualTo(payload(4, 50));
        }
    }

    @Test
    void crcMatchesTheStandardCheckValue() {
        byte[] b = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(DualSlotStore.crc32(b, b.length)).isEqualTo(0xCBF43926);
    }

    @Test
    void rejectsTooSmallSlots() {
        assertThatThrownBy(() -> new DualSlotStore(new InMemorySlotMemory(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
    }
}
