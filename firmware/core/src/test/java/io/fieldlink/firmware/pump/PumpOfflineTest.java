package io.fieldlink.firmware.pump;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.wellhead.OfflineHost;
import io.fieldlink.protocol.token.TokenClaims;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies days offline: tokens still validate, sales queue in the journal, each reaches the host once. */
class PumpOfflineTest {
    static final long DAY = 86_400_000L;
    static final long T0 = 20_000 * DAY;

    final MemoryStorage storage = new MemoryStorage().addArea("journal", 256 * 1024).addArea("snapshot", 8 * 1024);
    final RecordingEvents ev = new RecordingEvents();

    Journal open() {
        return Journal.open(storage.area("journal"), storage.area("snapshot"));
    }

    PumpStation station(Journal j) {
        PumpSettings s = PumpSettings.builder().stationId("ST01").pulsesPerKg(100).priceMilliPerKg(85_000)
                .usedTokenCapacity(64).build();
        return new PumpStation(s, Tokens.verifier(), new JournalStateCell(j), ev, new JournalledPumpEvents(j, ev));
    }

    static String tokenAt(long id, long grams, long slotStartMs) {
        long s = slotStartMs / 1000;
        return Tokens.sign(TokenClaims.booking("ST01", id, grams, s, s + 1_800, s + 2 * DAY / 1000));
    }

    /** One booked fill at {@code t}; returns the token text. */
    static String fill(PumpStation p, long id, long t) {
        String token = tokenAt(id, 500 * id, t);
        assertThat(p.scan(token, t).reason()).isEqualTo(BookingReason.OK);
        p.nozzle(true, t + 1_000);
        p.pulses(100_000, t + 60_000);
        p.nozzle(false, t + 61_000);
        return token;
    }

    @Test
    void daysOfflineQueueSalesThatReachTheHostExactlyOnce() {
        Journal j = open();
        PumpStation p = station(j);
        String last = null;
        long id = 1;
        for (int day = 0; day < 2; day++) {
            for (int k = 0; k < 8; k++, id++) {
                last = fill(p, id, T0 + day * DAY + k * 3_600_000L);
            }
        }
        // reboot, still offline; the last booking is shown again inside its slot
        j = open();
        p = station(j);
        assertThat(p.scan(last, T0 + DAY + 7 * 3_600_000L + 600_000).reason()).isEqualTo(BookingReason.REPLAYED);
        for (int k = 0; k < 8; k++, id++) {
            fill(p, id, T0 + 2 * DAY + k * 3_600_000L);
        }
        assertThat(ev.sales).hasSize(24);

        OfflineHost host = new OfflineHost();
        Journal after = host.drain(j, this::open, 7, 2, 3);

        assertThat(after.unackedCount()).isZero();
        assertThat(host.duplicates).isPositive();
        List<OfflineHost.Rec> sales = host.stored.values().stream().filter(r -> r.type() == PumpRecords.SALE).toList();
        assertThat(sales).hasSize(24);
        List<Long> ids = new ArrayList<>();
        for (OfflineHost.Rec r : sales) {
            ids.add(io.fieldlink.protocol.record.Sale.decode(r.payload()).tokenId());
        }
        assertThat(ids).containsExactlyElementsOf(ev.sales.stream().map(Sale::tokenId).toList());
        assertThat(sales).extracting(OfflineHost.Rec::time)
                .containsExactlyElementsOf(ev.sales.stream().map(Sale::endMs).toList());
        assertThat(host.stored.values().stream().filter(r -> r.type() == PumpRecords.VERDICT)).hasSize(25);
        assertThat(ev.sales.get(23).grams()).isEqualTo(12_000);
    }
}
