package io.fieldlink.firmware.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsedBookingsTest {
    @Test
    void remembersAcrossReloadUntilExpiry() {
        MemoryCell cell = new MemoryCell();
        UsedBookings u = new UsedBookings(cell, 4);
        assertThat(u.remember("tok-1", 1_000, 0)).isTrue();
        assertThat(u.remember("tök-2", 2_000, 0)).isTrue();

        UsedBookings afterReboot = new UsedBookings(cell, 4);
        assertThat(afterReboot.contains("tok-1", 999)).isTrue();
        assertThat(afterReboot.contains("tök-2", 999)).isTrue();
        assertThat(afterReboot.contains("tok-1", 1_000)).isFalse();
        assertThat(afterReboot.contains("tok-3", 0)).isFalse();
    }

    @Test
    void expiredTokensMakeRoom() {
        UsedBookings u = new UsedBookings(new MemoryCell(), 1);
        assertThat(u.remember("a", 100, 0)).isTrue();
        assertThat(u.hasRoom(50)).isFalse();
        assertThat(u.remember("b", 200, 50)).isFalse();
        assertThat(u.hasRoom(100)).isTrue();
        assertThat(u.remember("b", 200, 100)).isTrue();
        assertThat(u.size()).isEqualTo(1);
    }

    @Test
    void corruptCellIsAnErrorNotAnEmptyMemory() {
        MemoryCell cell = new MemoryCell();
        cell.write(new byte[] {0, 1, 0, 0});
        assertThatThrownBy(() -> new UsedBookings(cell, 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offset 2");
    }

    @Test
    void overlongIdIsRejected() {
        UsedBookings u = new UsedBookings(new MemoryCell(), 1);
        assertThatThrownBy(() -> u.remember("x".repeat(65), 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
