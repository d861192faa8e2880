package io.fieldlink.host.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Uplink;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceSnapshotTest {
    private static final long T = 1_800_000_000_000L;

    private static Uplink readings(long at, Object... nameValues) {
        List<Reading> r = new java.util.ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            r.add(new Reading((String) nameValues[i], at, ((Number) nameValues[i + 1]).doubleValue()));
        }
        return new Uplink("w1", 1, r, List.of(), at);
    }

    private static Uplink event(long at, String type, String body) {
        return new Uplink("w1", 1, List.of(), List.of(new Event(type, at, body)), at);
    }

    private static String alarm(String channel, String level, boolean raised) {
        return "{\"channel\":\"" + channel + "\",\"level\":\"" + level + "\",\"value\":1,\"raised\":" + raised + "}";
    }

    @Test
    void anEarlierSnapshotNeverChangesAndChannelsStaySortedAsAMap() {
        DeviceSnapshot s1 = DeviceSnapshot.empty("w1").with(readings(T, "m", 1, "b", 2));
        DeviceSnapshot s2 = s1.with(readings(T + 1, "b", 3, "z", 4, "a", 5));
        DeviceSnapshot s3 = s2.with(readings(T + 2, "m", 6));

        assertThat(s1.channels()).isEqualTo(java.util.Map.of("b", new ChannelValue(T, 2), "m", new ChannelValue(T, 1)));
        assertThat(s2.channels()).containsExactly(java.util.Map.entry("a", new ChannelValue(T + 1, 5)),
                java.util.Map.entry("b", new ChannelValue(T + 1, 3)), java.util.Map.entry("m", new ChannelValue(T, 1)),
                java.util.Map.entry("z", new ChannelValue(T + 1, 4)));
        assertThat(s3.channel("m")).isEqualTo(new ChannelValue(T + 2, 6));
        assertThat(s2.channel("m")).as("unchanged by a later snapshot").isEqualTo(new ChannelValue(T, 1));
        assertThat(s3.channels().containsKey("q")).isFalse();
        assertThat(s3.channels()).hasSize(4).isEqualTo(new java.util.TreeMap<>(s3.channels()));
        assertThat(DeviceSnapshot.fromJson(s3.toJson())).isEqualTo(s3);
        assertThat(s3.with(readings(T, "m", 0))).as("an older value changes nothing").isSameAs(s3);
    }

    @Test
    void aChannelKeepsItsNewestValueWhenOlderRecordsArriveLater() {
        DeviceSnapshot s = DeviceSnapshot.empty("w1").with(readings(T, "tubing_pressure", 9000))
                .with(readings(T - 60_000, "tubing_pressure", 7000, "oil_flow", 12));
        assertThat(s.channel("tubing_pressure")).isEqualTo(new ChannelValue(T, 9000));
        assertThat(s.channel("oil_flow")).isEqualTo(new ChannelValue(T - 60_000, 12));
    }

    @Test
    void alarmsAreRaisedAndClearedPerChannelAndLevel() {
        DeviceSnapshot s = DeviceSnapshot.empty("w1")
                .with(event(T, "alarm", alarm("tubing_pressure", "H", true)))
                .with(event(T + 1, "alarm", alarm("tubing_pressure", "HH", true)))
                .with(event(T + 2, "alarm", alarm("tubing_pressure", "HH", false)));
        assertThat(s.activeAlarms()).containsExactly("alarm tubing_pressure H");
    }

    @Test
    void aBackfilledClearOlderThanTheRaiseDoesNotClearIt() {
        DeviceSnapshot s = DeviceSnapshot.empty("w1")
                .with(event(T, "shut-in", "{\"cause\":\"PSH\",\"value\":13900,\"state\":\"latched\"}"))
                .with(event(T - 1000, "shut-in", "{\"cause\":\"PSH\",\"value\":13900,\"state\":\"reset\"}"));
        assertThat(s.activeAlarms()).containsExactly(DeviceSnapshot.SHUT_IN);
        s = s.with(event(T + 1000, "shut-in", "{\"cause\":\"PSH\",\"value\":13900,\"state\":\"reset\",\"by\":\"ann\"}"));
        assertThat(s.activeAlarms()).isEmpty();
    }

    @Test
    void meterTamperReportsRaiseAndClearTamper() {
        DeviceSnapshot s = DeviceSnapshot.empty("m1").with(readings(T, "tamper", 2));
        assertThat(s.activeAlarms()).containsExactly(DeviceSnapshot.TAMPER);
        assertThat(s.with(readings(T + 1, "tamper_cleared", 2)).activeAlarms()).isEmpty();
    }

    @Test
    void anUplinkThatChangesNothingReturnsTheSameSnapshot() {
        DeviceSnapshot s = DeviceSnapshot.empty("w1").with(readings(T, "oil_flow", 3));
        assertThat(s.with(readings(T - 1, "oil_flow", 2))).isSameAs(s);
        assertThat(s.with(event(T, "sale", "{}"))).isSameAs(s);
        assertThat(s.with(event(T, "alarm", "not json"))).isSameAs(s);
    }

    @Test
    void storedFormRoundTrips() {
        DeviceSnapshot s = DeviceSnapshot.empty("w1").with(readings(T, "oil_flow", 3.25, "gas_flow", -1))
                .with(event(T, "alarm", alarm("oil_flow", "L", true)));
        assertThat(DeviceSnapshot.fromJson(s.toJson())).isEqualTo(s);
        assertThatThrownBy(() -> DeviceSnapshot.fromJson("{\"device\":\"w1\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a stored device snapshot");
    }
}
