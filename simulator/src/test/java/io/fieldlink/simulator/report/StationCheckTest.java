package io.fieldlink.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.host.HostServer;
import io.fieldlink.simulator.fleet.StationLog;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bookings through a real host's API, and the station check finding what does not add up. */
class StationCheckTest {
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;
    private HostServer host;
    private HostApi api;

    @BeforeEach
    void start() throws Exception {
        host = HostServer.builder().dataDir(dir).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
        api = new HostApi(URI.create("http://127.0.0.1:" + host.httpPort()), host.operatorKey());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void theHostNumbersBookingsPerStationAndSignsThemWithAKeyItPublishes() throws Exception {
        long now = System.currentTimeMillis();
        HostApi.Booking first = api.book("ci-stn-1", now + HOUR, now + 2 * HOUR, 7_500);
        HostApi.Booking second = api.book("ci-stn-1", now + HOUR, now + 2 * HOUR, 12_345);
        HostApi.Booking other = api.book("ci-stn-2", now + HOUR, now + 2 * HOUR, 9_000);

        assertThat(first.id()).isEqualTo(1);
        assertThat(second.id()).isEqualTo(2);
        assertThat(other.id()).isEqualTo(1);
        assertThat(second.grams()).isEqualTo(12_345);
        assertThat(first.token()).startsWith("FL1:");
        assertThat(api.issuerKeysConfig()).matches("[0-9a-f]{16}:[0-9a-f]{64}");
        assertThat(api.bookings("ci-stn-1")).extracting(HostApi.Booking::status).containsExactly("booked", "booked");
    }

    @Test
    void aBookingWhoseSlotIsOverIsRefusedWithTheHostsReason() {
        long now = System.currentTimeMillis();
        assertThatThrownBy(() -> api.book("ci-stn-1", now - 2 * HOUR, now - HOUR, 7_500))
                .hasMessageContaining("HTTP 400").hasMessageContaining("slotEnd");
    }

    @Test
    void theBooksAddUpWhenTheyHoldWhatTheCustomersDidAndNotOtherwise() throws Exception {
        long now = System.currentTimeMillis();
        StationLog log = new StationLog("ci-pump-1", "ci-stn-1");
        for (int i = 0; i < 3; i++) {
            HostApi.Booking b = api.book("ci-stn-1", now + HOUR, now + 2 * HOUR, 8_000);
            log.booked.put(b.id(), 8_000L);
        }
        log.noShows.add(3L);
        StationCheck check = new StationCheck(api);

        assertThat(check.check(log, 0, 0, now - HOUR, now + HOUR).mismatches()).isEmpty();

        log.booked.put(9L, 8_000L); // a booking the host never made
        log.accepted.add(1L); // an accepted scan the host never stored
        StationCheck.Findings f = check.check(log, 2, 0, now - HOUR, now + HOUR);
        assertThat(f.mismatches()).hasSize(3);
        assertThat(String.join("\n", f.mismatches())).contains("made but not on the host [9]")
                .contains("the station's books hold 0 sales, the pump's stored events 2")
                .contains("the pump accepted 1 bookings, the host stored 0");
        assertThat(f.acceptedUnsold()).isEqualTo(1);
    }
}
