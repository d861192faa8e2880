package io.fieldlink.host.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertBookTest {
    final MemoryAlerts repo = new MemoryAlerts();
    final List<Alert> told = new ArrayList<>();
    final AlertBook book = new AlertBook(repo, told::add);

    @Test
    void goesOpenAcknowledgedCleared() {
        Alert a = book.raise("k", AlertKind.ANOMALY, "m1", "x", Map.of("v", "1"), 10);
        assertThat(a.state()).isEqualTo(AlertState.OPEN);
        Alert ack = book.acknowledge(a.id(), "ops", 20);
        assertThat(ack.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(ack.acknowledgedBy()).isEqualTo("ops");
        Alert cleared = book.clear("k", 30);
        assertThat(cleared.state()).isEqualTo(AlertState.CLEARED);
        assertThat(told).extracting(Alert::state).containsExactly(AlertState.OPEN, AlertState.ACKNOWLEDGED, AlertState.CLEARED);
        assertThat(repo.alerts.get(a.id()).state()).isEqualTo(AlertState.CLEARED);
    }

    @Test
    void raisingAnActiveKeyAgainOnlyRefreshes() {
        Alert a = book.raise("k", AlertKind.ANOMALY, "m1", "x", Map.of("v", "1"), 10);
        assertThat(book.raise("k", AlertKind.ANOMALY, "m1", "x", Map.of("v", "2"), 11)).isNull();
        assertThat(book.get(a.id()).evidence()).containsEntry("v", "2");
        assertThat(told).hasSize(1);
    }

    @Test
    void aClearedConditionOpensANewAlertNextTime() {
        Alert first = book.raise("k", AlertKind.OFFLINE, "m1", "x", Map.of(), 10);
        book.clear("k", 20);
        Alert second = book.raise("k", AlertKind.OFFLINE, "m1", "x", Map.of(), 30);
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(book.list(null, null, 10)).extracting(Alert::id).containsExactly(second.id(), first.id());
    }

    @Test
    void onlyAnOpenAlertCanBeAcknowledged() {
        Alert a = book.raise("k", AlertKind.OFFLINE, "m1", "x", Map.of(), 10);
        book.clear("k", 20);
        assertThatThrownBy(() -> book.acknowledge(a.id(), "ops", 30)).isInstanceOf(AlertException.class)
                .hasMessageContaining("cleared");
        assertThatThrownBy(() -> book.acknowledge(999, "ops", 30)).isInstanceOf(AlertException.class)
                .matches(e -> ((AlertException) e).notFound());
    }

    @Test
    void reloadsWhatWasSaved() {
        Alert a = book.raise("k", AlertKind.OFFLINE, "m1", "x", Map.of(), 10);
        AlertBook reopened = new AlertBook(repo, x -> { });
        assertThat(reopened.isActive("k")).isTrue();
        assertThat(reopened.raise("k2", AlertKind.OFFLINE, "m2", "y", Map.of(), 11).id()).isGreaterThan(a.id());
    }
}
