package io.fieldlink.firmware.hal.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.firmware.hal.StorageArea;
import io.fieldlink.firmware.hal.StorageException;
import org.junit.jupiter.api.Test;

class MemoryStorageTest {
    private final MemoryStorage storage = new MemoryStorage().addArea("a", 16);

    @Test
    void writesAndReadsBack() {
        StorageArea a = storage.area("a");
        a.write(4, new byte[] {1, 2, 3}, 0, 3);
        byte[] out = new byte[5];
        a.read(3, out, 0, 5);
        assertThat(out).containsExactly(0, 1, 2, 3, 0);
    }

    @Test
    void aPowerCutLeavesTheWrittenPrefixAndFailsLaterWrites() {
        StorageArea a = storage.area("a");
        storage.cutPowerAfter(2);
        assertThatThrownBy(() -> a.write(0, new byte[] {9, 9, 9, 9}, 0, 4))
                .isInstanceOf(PowerLossException.class).hasMessageContaining("offset 2");
        assertThat(storage.snapshot("a")).startsWith(9, 9, 0, 0);
        assertThatThrownBy(() -> a.write(8, new byte[] {1}, 0, 1)).isInstanceOf(PowerLossException.class);
        storage.restorePower();
        a.write(8, new byte[] {1}, 0, 1);
        assertThat(storage.snapshot("a")[8]).isEqualTo((byte) 1);
    }

    @Test
    void rejectsOutOfRangeAccessAndUnknownAreas() {
        StorageArea a = storage.area("a");
        assertThatThrownBy(() -> a.write(15, new byte[2], 0, 2)).isInstanceOf(StorageException.class)
                .hasMessageContaining("outside area a");
        assertThatThrownBy(() -> storage.area("b")).isInstanceOf(StorageException.class).hasMessageContaining("b");
    }

    @Test
    void pagesAreAllocatedOnlyWhenSomethingButZerosIsWritten() {
        MemoryStorage big = new MemoryStorage().addArea("journal", 64 * 1024).addArea("odd", MemoryStorage.PAGE + 10);
        assertThat(big.allocatedBytes()).isZero();
        big.area("journal").write(1000, new byte[300], 0, 300); // zeros over erased pages: nothing to keep
        assertThat(big.allocatedBytes()).isZero();
        big.area("journal").write(MemoryStorage.PAGE - 1, new byte[] {7, 8}, 0, 2); // straddles two pages
        assertThat(big.allocatedBytes()).isEqualTo(2L * MemoryStorage.PAGE);
        big.area("odd").write(MemoryStorage.PAGE + 9, new byte[] {5}, 0, 1); // the short last page
        byte[] out = new byte[4];
        big.area("journal").read(MemoryStorage.PAGE - 2, out, 0, 4);
        assertThat(out).containsExactly(0, 7, 8, 0);
        assertThat(big.snapshot("odd")[MemoryStorage.PAGE + 9]).isEqualTo((byte) 5);
    }

    @Test
    void discardedPagesReadAsErasedAndHoldNothingAndPartPagesAreKept() {
        MemoryStorage big = new MemoryStorage().addArea("j", 4 * MemoryStorage.PAGE + 10);
        byte[] ones = new byte[4 * MemoryStorage.PAGE + 10];
        java.util.Arrays.fill(ones, (byte) 1);
        big.area("j").write(0, ones, 0, ones.length);
        assertThat(big.allocatedBytes()).isEqualTo(5L * MemoryStorage.PAGE);
        // from the middle of page 0 to the middle of page 2: only page 1 lies wholly inside
        assertThat(big.discard("j", MemoryStorage.PAGE / 2, 2 * MemoryStorage.PAGE)).isEqualTo(1);
        byte[] out = new byte[3 * MemoryStorage.PAGE];
        big.area("j").read(0, out, 0, out.length);
        assertThat(out[MemoryStorage.PAGE - 1]).isEqualTo((byte) 1);
        assertThat(out[MemoryStorage.PAGE]).isZero();
        assertThat(out[2 * MemoryStorage.PAGE - 1]).isZero();
        assertThat(out[2 * MemoryStorage.PAGE]).isEqualTo((byte) 1);
        // up to the end of the area: the short last page goes too
        assertThat(big.discard("j", 3 * MemoryStorage.PAGE, MemoryStorage.PAGE + 10)).isEqualTo(2);
        assertThat(big.allocatedBytes()).isEqualTo(2L * MemoryStorage.PAGE);
        assertThatThrownBy(() -> big.discard("j", 0, 5 * MemoryStorage.PAGE)).isInstanceOf(StorageException.class);
    }

    /** The paged store against a plain array written byte by byte: same bytes, same cut points, any layout. */
    @Test
    void randomWritesAndCutsLeaveExactlyWhatAByteByByteFlashWould() {
        java.util.Random r = new java.util.Random(42);
        int size = 3 * MemoryStorage.PAGE + 77;
        MemoryStorage paged = new MemoryStorage().addArea("x", size);
        byte[] flash = new byte[size];
        long until = -1;
        boolean powered = true;
        for (int step = 0; step < 5_000; step++) {
            if (r.nextInt(20) == 0) {
                until = r.nextInt(600);
                paged.cutPowerAfter(until);
            }
            if (!powered && r.nextInt(3) == 0) {
                powered = true;
                until = -1;
                paged.restorePower();
            }
            int off = r.nextInt(size);
            int len = r.nextInt(Math.min(size - off, 700) + 1);
            byte[] src = new byte[len + 3];
            for (int i = 0; i < src.length; i++) {
                src[i] = r.nextInt(4) == 0 ? 0 : (byte) r.nextInt(256);
            }
            Integer cutAt = null;
            for (int i = 0; i < len; i++) {
                if (!powered || until == 0) {
                    powered = false;
                    cutAt = off + i;
                    break;
                }
                flash[off + i] = src[3 + i];
                if (until > 0) {
                    until--;
                }
            }
            if (cutAt != null) {
                assertThatThrownBy(() -> paged.area("x").write(off, src, 3, len)).isInstanceOf(PowerLossException.class)
                        .hasMessageEndingWith("at offset " + cutAt);
            } else {
                paged.area("x").write(off, src, 3, len);
            }
            assertThat(paged.powered()).isEqualTo(powered);
            if (step % 50 == 0) {
                assertThat(paged.snapshot("x")).isEqualTo(flash);
            }
        }
        assertThat(paged.snapshot("x")).isEqualTo(flash);
    }
}
