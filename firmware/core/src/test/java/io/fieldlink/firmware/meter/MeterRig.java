package io.fieldlink.firmware.meter;

import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.journal.Journal;
import java.time.Instant;

/** One meter on in-memory HAL storage and the real journal, with a fake clock and reboots. */
final class MeterRig {

    /** Monday 2026-11-23 00:00 UTC. */
    static final long MONDAY = Instant.parse("2026-11-23T00:00:00Z").toEpochMilli();

    final MemoryStorage storage = new MemoryStorage().addArea("journal", 8192).addArea("snapshot", 4096);
    final MeterConfig config;
    final RecordedEvents events = new RecordedEvents();
    final MeterSample sample = new MeterSample();
    long now = MONDAY;
    Meter meter;
    int boots;

    MeterRig(MeterConfig config) {
        this.config = config;
        reboot();
    }

    /** Power back on: a fresh journal and meter over the same storage. */
    void reboot() {
        storage.restorePower();
        Journal journal = Journal.open(storage.area("journal"), storage.area("snapshot"));
        meter = new Meter(config, new JournalMeterStore(journal), new FakeCreditTokens(), events);
        meter.boot(now);
        boots++;
    }

    /** Feeds one-second samples of {@code powerMw} for {@code seconds}. */
    void run(long powerMw, int seconds) {
        for (int i = 0; i < seconds; i++) {
            now += 1000;
            meter.onSample(sample.set(230_000, (int) (powerMw / 230), 980, 50_000, powerMw), now);
        }
    }

    CreditClaim credit(long id, long amount) {
        return meter.redeem(FakeCreditTokens.token(id, amount), now);
    }

    static MeterConfig.Builder flatTariff(long pricePerKwh) {
        return MeterConfig.builder(Tariff.builder(1).band(WeekMask.EVERY_DAY, 0, 24, pricePerKwh).build());
    }
}
