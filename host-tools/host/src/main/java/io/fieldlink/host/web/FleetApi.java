package io.fieldlink.host.web;

import io.fieldlink.host.fleet.ChannelValue;
import io.fieldlink.host.fleet.DeviceSnapshot;
import io.fieldlink.host.fleet.FleetView;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import io.fieldlink.host.registry.DeviceRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/fleet} (every device in one compact answer, for the dashboard's fleet page) and
 * {@code GET /api/devices/{id}/latest} (a device's latest value per channel and its alarms).
 * Times are epoch milliseconds. A device is {@code alarm} while any alarm is raised, otherwise
 * {@code online} when heard from within {@code device.offline-after}, else {@code offline}.
 */
final class FleetApi {
    /** The reading the fleet page shows for each board kind, in order of preference. */
    private static final Map<BoardKind, List<String>> KEY_CHANNELS = Map.of(
            BoardKind.METER, List.of("balance", "active_power"),
            BoardKind.PUMP, List.of("storage_pressure", "dispensed_mass"),
            BoardKind.WELLHEAD, List.of("tubing_pressure", "oil_flow"));

    private final FleetView fleet;
    private final DeviceRegistry registry;
    private final Clock clock;
    private final Duration offlineAfter;

    FleetApi(FleetView fleet, DeviceRegistry registry, Clock clock, Duration offlineAfter) {
        this.fleet = fleet;
        this.registry = registry;
        this.clock = clock;
        this.offlineAfter = offlineAfter;
    }

    /**
     * {@code {"now", "counts": {"online", "offline", "alarm"}, "columns": [...], "devices": [[id,
     * board, state, lastSeen|null, keyChannel|null, keyValue|null, alarms], ...]}}, sorted by id.
     */
    ApiResponse summary(ApiRequest req) {
        long now = clock.millis();
        List<Device> all = registry.all();
        JsonWriter w = new JsonWriter().beginObject().field("now", now).name("columns").beginArray()
                .value("id").value("board").value("state").value("lastSeen").value("keyChannel").value("keyValue")
                .value("alarms").endArray().name("devices").beginArray();
        int online = 0;
        int offline = 0;
        int alarm = 0;
        for (Device d : all) {
            DeviceSnapshot s = fleet.snapshot(d.id());
            int alarms = s.activeAlarms().size();
            String state = state(d, alarms, now);
            switch (state) {
                case "alarm" -> alarm++;
                case "online" -> online++;
                default -> offline++;
            }
            w.beginArray().value(d.id()).value(d.board().wireName()).value(state);
            if (d.lastSeen() == 0) {
                w.value((String) null);
            } else {
                w.value(d.lastSeen());
            }
            String key = keyChannel(d.board(), s);
            w.value(key);
            if (key == null) {
                w.value((String) null);
            } else {
                w.value(s.channel(key).value());
            }
            w.value(alarms).endArray();
        }
        w.endArray().name("counts").beginObject().field("total", all.size()).field("online", online)
                .field("offline", offline).field("alarm", alarm).endObject();
        return ApiResponse.json(200, w.endObject().toString());
    }

    /** {@code {"device", "board", "state", "lastSeen", "alarms": [...], "channels": [{"name", "t", "v"}]}}. */
    ApiResponse latest(ApiRequest req) {
        Device d = DeviceApi.find(registry, req.pathParams().get(0));
        DeviceSnapshot s = fleet.snapshot(d.id());
        List<String> alarms = s.activeAlarms();
        JsonWriter w = new JsonWriter().beginObject().field("device", d.id()).field("board", d.board().wireName())
                .field("state", state(d, alarms.size(), clock.millis())).name("lastSeen");
        if (d.lastSeen() == 0) {
            w.value((String) null);
        } else {
            w.value(d.lastSeen());
        }
        w.name("alarms").beginArray();
        for (String a : alarms) {
            w.value(a);
        }
        w.endArray().name("channels").beginArray();
        for (Map.Entry<String, ChannelValue> e : s.channels().entrySet()) {
            w.beginObject().field("name", e.getKey()).field("t", e.getValue().timeMillis()).name("v")
                    .value(e.getValue().value()).endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject().toString());
    }

    private String state(Device d, int alarms, long now) {
        if (alarms > 0) {
            return "alarm";
        }
        return d.lastSeen() > 0 && now - d.lastSeen() <= offlineAfter.toMillis() ? "online" : "offline";
    }

    private static String keyChannel(BoardKind board, DeviceSnapshot s) {
        for (String c : KEY_CHANNELS.getOrDefault(board, List.of())) {
            if (s.channel(c) != null) {
                return c;
            }
        }
        return null;
    }
}
