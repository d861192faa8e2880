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
}
