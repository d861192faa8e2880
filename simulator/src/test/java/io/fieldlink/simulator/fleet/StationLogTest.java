package io.fieldlink.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StationLogTest {
    @Test
    void aLogForHostBookingsKeepsTheIds() {
        StationLog log = new StationLog("pump-1", "stn-1");
        log.booked.put(3L, 8_000L);
        log.noShows.add(3L);
        log.accepted.add(4L);
        assertThat(log.booked).containsEntry(3L, 8_000L);
        assertThat(log.noShows).containsExactly(3L);
        assertThat(log.accepted).containsExactly(4L);
    }

    @Test
    void aLogOfAFleetMintingItsOwnBookingsKeepsOnlyCounts() {
        StationLog log = new StationLog("pump-1", "STN00001", false);
        assertThat(log.booked).isEmpty();
        assertThat(log.noShows).isEmpty();
        assertThat(log.accepted).isEmpty();
        assertThatThrownBy(() -> log.accepted.add(1L)).isInstanceOf(UnsupportedOperationException.class);
        log.walkIns++;
        assertThat(log.walkIns).isEqualTo(1);
    }
}
