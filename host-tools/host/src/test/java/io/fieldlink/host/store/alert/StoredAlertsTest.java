package io.fieldlink.host.store.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.alert.Alert;
import io.fieldlink.host.alert.AlertBook;
import io.fieldlink.host.alert.AlertConfig;
import io.fieldlink.host.alert.AlertKind;
import io.fieldlink.host.alert.AlertSettings;
import io.fieldlink.host.alert.AlertState;
import io.fieldlink.host.alert.ThresholdRule;
import io.fieldlink.host.store.Committer;
import io.fieldlink.host.store.HostStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts, webhooks and settings survive closing and reopening the MapDB store on disk. */
class StoredAlertsTest {
    @TempDir
    Path dir;

    @Test
    void alertsWebhooksAndSettingsSurviveARestart() {
        long id;
        try (HostStore store = HostStore.open(dir); Committer c = new Committer(store, 100, 10)) {
            StoredAlerts repo = new StoredAlerts(store, c);
            AlertBook book = new AlertBook(repo, a -> { });
            id = book.raise("offline/m1", AlertKind.OFFLINE, "m1", "silent", Map.of("silentSeconds", "4000"), 10).id();
            book.acknowledge(id, "ops", 20);
            book.raise("anomaly/m2/pump-leak/storage_pressure", AlertKind.ANOMALY, "m2", "leak", Map.of("dropBar", "6"), 30);
            book.clear("anomaly/m2/pump-leak/storage_pressure", 40);
            AlertConfig config = new AlertConfig(repo);
            config.addWebhook("http://127.0.0.1:9/hook");
            config.settings(new AlertSettings(new int[] {5, 2}, List.of(new ThresholdRule("hot", "temperature", true, 90,
                    60_000, "w1")), "00:00-24:00=100"));
        }
        try (HostStore store = HostStore.open(dir); Committer c = new Committer(store, 100, 10)) {
            StoredAlerts repo = new StoredAlerts(store, c);
            AlertBook book = new AlertBook(repo, a -> { });
            Alert a = book.get(id);
            assertThat(a.state()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(a.acknowledgedBy()).isEqualTo("ops");
            assertThat(a.evidence()).containsEntry("silentSeconds", "4000");
            assertThat(book.isActive("offline/m1")).isTrue();
            assertThat(book.isActive("anomaly/m2/pump-leak/storage_pressure")).isFalse();
            assertThat(book.list(AlertState.CLEARED, null, 10)).hasSize(1);
            AlertConfig config = new AlertConfig(repo);
            assertThat(config.webhooks()).extracting(w -> w.url()).containsExactly("http://127.0.0.1:9/hook");
            assertThat(config.settings().reminderDays()).containsExactly(5, 2);
            assertThat(config.settings().thresholds().get(0)).isEqualTo(new ThresholdRule("hot", "temperature", true, 90,
                    60_000, "w1"));
            assertThat(config.settings().tariff()).isEqualTo("00:00-24:00=100");
        }
    }

    /** Verifies that new evidence on an already-open (or acknowledged) alert is saved and read back after a restart. */
    @Test
    void evidenceUpdatesOfAnActiveAlertSurviveARestart() {
        long open;
        long acked;
        List<Alert> told = new java.util.ArrayList<>();
        try (HostStore store = HostStore.open(dir); Committer c = new Committer(store, 100, 10)) {
            AlertBook book = new AlertBook(new StoredAlerts(store, c), told::add);
            open = book.raise("offline/m1", AlertKind.OFFLINE, "m1", "silent 1 h", Map.of("silentSeconds", "3600"), 10).id();
            acked = book.raise("offline/m2", AlertKind.OFFLINE, "m2", "silent 1 h", Map.of("silentSeconds", "3600"), 10).id();
            book.acknowledge(acked, "ops", 15);
            assertThat(book.raise("offline/m1", AlertKind.OFFLINE, "m1", "silent 2 h", Map.of("silentSeconds", "7200"), 20))
                    .isNull();
            book.raise("offline/m2", AlertKind.OFFLINE, "m2", "silent 3 h", Map.of("silentSeconds", "10800"), 30);
            assertThat(told).hasSize(3);
        }
        try (HostStore store = HostStore.open(dir); Committer c = new Committer(store, 100, 10)) {
            AlertBook book = new AlertBook(new StoredAlerts(store, c), a -> { });
            Alert a = book.get(open);
            assertThat(a.state()).isEqualTo(AlertState.OPEN);
            assertThat(a.message()).isEqualTo("silent 2 h");
            assertThat(a.evidence()).containsExactly(Map.entry("silentSeconds", "7200"));
            assertThat(a.updatedAt()).isEqualTo(20);
            assertThat(a.raisedAt()).isEqualTo(10);
            Alert b = book.get(acked);
            assertThat(b.state()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(b.acknowledgedBy()).isEqualTo("ops");
            assertThat(b.evidence()).containsEntry("silentSeconds", "10800");
        }
    }
}
