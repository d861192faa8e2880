package io.fieldlink.host.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.boards.ChannelType;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.prediction.anomaly.AnomalyMonitor;
import io.fieldlink.host.prediction.anomaly.ChannelWatch;
import io.fieldlink.host.prediction.runway.Runway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertEngineTest {
    final MemoryAlerts repo = new MemoryAlerts();
    final AlertBook book = new AlertBook(repo, a -> { });
    AlertSettings settings = new AlertSettings(new int[] {7, 3, 1},
            List.of(new ThresholdRule("storage-low", "storage_pressure", false, 150, 600_000, "")), AlertSettings.DEFAULT_TARIFF);
    final AlertEngine engine = new AlertEngine(book,
            new AnomalyMonitor((d, c) -> ChannelType.ANALOG, ChannelWatch.Settings.defaults()), () -> settings, 10);
    long seq;

    void reading(String device, String channel, long t, double v) {
        engine.stored(new Uplink(device, ++seq, List.of(new Reading(channel, t, v)), List.of(), t));
    }

    @Test
    void aThresholdMustHoldForItsDuration() {
        reading("p1", "storage_pressure", 0, 140);
        reading("p1", "storage_pressure", 300_000, 139);
        engine.drain();
        assertThat(book.isActive("threshold/p1/storage-low")).isFalse();
        reading("p1", "storage_pressure", 600_000, 138);
        engine.drain();
        assertThat(book.isActive("threshold/p1/storage-low")).isTrue();
        Alert a = book.list(AlertState.OPEN, "p1", 1).get(0);
        assertThat(a.kind()).isEqualTo(AlertKind.THRESHOLD);
        assertThat(a.evidence()).containsEntry("heldSeconds", "600").containsEntry("value", "138.0");
        reading("p1", "storage_pressure", 900_000, 200);
        engine.drain();
        assertThat(book.isActive("threshold/p1/storage-low")).isFalse();
    }

    @Test
    void aDipShorterThanTheHoldIsIgnored() {
        reading("p1", "storage_pressure", 0, 140);
        reading("p1", "storage_pressure", 300_000, 200);
        reading("p1", "storage_pressure", 700_000, 140);
        engine.drain();
        assertThat(book.list(null, null, 10)).isEmpty();
    }

    @Test
    void offlineDevicesRaiseAndClear() {
        engine.checkDevices(Map.of("m1", 1_000L, "m2", 0L), 1_000 + 3_600_001, 3_600_000);
        assertThat(book.isActive("offline/m1")).isTrue();
        assertThat(book.isActive("offline/m2")).isFalse();
        engine.checkDevices(Map.of("m1", 5_000_000L), 5_000_001, 3_600_000);
        assertThat(book.isActive("offline/m1")).isFalse();
    }

    @Test
    void aSilentDeviceIsSavedOnceNotOnEveryPass() {
        engine.checkDevices(Map.of("m1", 1_000L), 1_000 + 3_600_001, 3_600_000);
        Alert raised = book.list(AlertState.OPEN, "m1", 1).get(0);
        int saves = repo.saves();
        for (int minute = 1; minute <= 60; minute++) {
            engine.checkDevices(Map.of("m1", 1_000L), 1_000 + 3_600_001 + minute * 60_000L, 3_600_000);
        }
        assertThat(repo.saves()).as("no save while nothing but the clock moved").isEqualTo(saves);
        assertThat(book.list(AlertState.OPEN, "m1", 1).get(0)).isEqualTo(raised);
        assertThat(raised.message()).isEqualTo("not heard from since 1970-01-01T00:00:01Z");
        assertThat(raised.evidence()).containsEntry("lastSeen", "1000").containsEntry("offlineAfterSeconds", "3600");
    }

    @Test
    void eachReminderLevelRaisesItsOwnAlert() {
        engine.checkRunway("m1", new Runway(200, 1_000, 0), 8_000, 1);
        assertThat(book.list(null, null, 10)).isEmpty();
        engine.checkRunway("m1", new Runway(160, 1_000, 7), 6_000, 2);
        engine.checkRunway("m1", new Runway(150, 1_000, 7), 5_900, 3);
        assertThat(book.list(AlertState.OPEN, null, 10)).extracting(Alert::key).containsExactly("low-runway/m1/7d");
        engine.checkRunway("m1", new Runway(70, 1_000, 3), 3_000, 4);
        assertThat(book.list(AlertState.OPEN, null, 10)).extracting(Alert::key).containsExactly("low-runway/m1/3d");
        assertThat(book.list(AlertState.CLEARED, null, 10)).extracting(Alert::key).containsExactly("low-runway/m1/7d");
        engine.checkRunway("m1", new Runway(1_000, 1_000, 0), 50_000, 5);
        assertThat(book.list(AlertState.OPEN, null, 10)).isEmpty();
    }

    @Test
    void anomaliesBecomeAlertsWithEvidence() {
        reading("m1", "energy", 0, 1_000);
        reading("m1", "energy", 3_600_000, 900);
        engine.drain();
        Alert a = book.list(AlertState.OPEN, "m1", 10).stream().filter(x -> x.key().contains("reverse-energy"))
                .findFirst().orElseThrow();
        assertThat(a.kind()).isEqualTo(AlertKind.ANOMALY);
        assertThat(a.evidence()).containsEntry("decreaseWh", "100");
    }

    @Test
    void aFullQueueSkipsInsteadOfFailingTheCommit() {
        for (int i = 0; i < 15; i++) {
            reading("p1", "x", i, 1);
        }
        assertThat(engine.skipped()).isEqualTo(5);
        assertThat(engine.drain()).isEqualTo(10);
    }

    @Test
    void salesReachTheLeakPattern() {
        engine.stored(new Uplink("p1", ++seq, List.of(), List.of(new Event("sale", 5, "{\"grams\":100}")), 5));
        assertThat(engine.drain()).isEqualTo(1);
    }
}
