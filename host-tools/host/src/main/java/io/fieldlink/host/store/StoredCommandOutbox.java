package io.fieldlink.host.store;

import io.fieldlink.host.command.CommandDelivery;
import io.fieldlink.host.command.CommandOutbox;
import io.fieldlink.host.command.QueuedCommand;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.json.JsonException;
import io.fieldlink.host.json.JsonReader;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.protocol.record.Command;
import io.fieldlink.protocol.record.CommandType;
import io.fieldlink.protocol.record.FirmwareNotice;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.mapdb.BTreeMap;
import org.mapdb.Serializer;
import org.tinylog.Logger;

/**
 * The durable {@link CommandOutbox}: every command is kept in the {@code commands} map, keyed
 * (device, id), with its state; a queued command is written (committed) before its id is returned.
 * The open ones (queued or sent) are also held in memory per device, so that answering a device
 * costs no store read. A device's {@code command-result} uplink event (a CommandResult record)
 * retires the command inside the commit that stores the event ({@link StoredUplinkListener}), so a
 * command is sent on every hello answer and Ack until the report is durable, and never after.
 *
 * <p>Queueing from inside a committer write (a projection reacting to an uplink) joins that
 * write's transaction. Thread-safe.
 */
public final class StoredCommandOutbox implements CommandOutbox, CommandDelivery, StoredUplinkListener, CommitHook {
    /** The event type {@code io.fieldlink.host.ingest.BatchReader} gives a CommandResult record. */
    public static final String RESULT_EVENT = "command-result";
    private static final String QUEUED = "queued";
    private static final String SENT = "sent";
    private static final HexFormat HEX = HexFormat.of();

    private final Committer committer;
    private final Predicate<String> knownDevice;
    private final Clock clock;
    private final BTreeMap<Object[], String> stored;
    private final BTreeMap<String, Long> counters;
    private final Map<String, List<Open>> open = new ConcurrentHashMap<>();
    private final Set<String> touched = new HashSet<>();

    /**
     * Opens the outbox in {@code store} and registers as its commit hook.
     *
     * @param knownDevice tells whether a device id is provisioned
     */
    public StoredCommandOutbox(HostStore store, Committer committer, Predicate<String> knownDevice, Clock clock) {
        this.committer = committer;
        this.knownDevice = knownDevice;
        this.clock = clock;
        this.stored = store.tupleTextMap("commands", Serializer.STRING, Serializer.LONG);
        this.counters = store.counterMap("command-counters");
        for (Map.Entry<Object[], String> e : stored.entrySet()) {
            Open o = Open.parse((String) e.getKey()[0], (Long) e.getKey()[1], e.getValue());
            if (o.isOpen()) {
                open.computeIfAbsent(o.device, d -> new ArrayList<>()).add(o);
            }
        }
        open.replaceAll((d, l) -> List.copyOf(l));
        store.addCommitHook(this);
    }

    @Override
    public long queueSigned(String deviceId, CommandType type, byte[] coseSign1) {
        if (type == null || !type.signed()) {
            throw new IllegalArgumentException(type + " is not a signed command type");
        }
        if (coseSign1 == null || coseSign1.length == 0) {
            throw new IllegalArgumentException("the COSE_Sign1 body is empty");
        }
        byte[] body = coseSign1.clone();
        return queue(deviceId, id -> Command.signed(type, id, body));
    }

    @Override
    public long queueConfig(String deviceId, String key, String value) {
        if (key == null || key.isEmpty() || value == null) {
            throw new IllegalArgumentException("a config set needs a non-empty key and a value");
        }
        return queue(deviceId, id -> Command.configSet(id, key, value));
    }

    @Override
    public long queueFirmware(String deviceId, FirmwareNotice notice) {
        if (notice == null) {
            throw new IllegalArgumentException("the firmware notice is missing");
        }
        return queue(deviceId, id -> Command.firmwareUpdate(id, notice));
    }

    private long queue(String deviceId, LongFunction<Command> make) {
        if (deviceId == null || !knownDevice.test(deviceId)) {
            throw new IllegalArgumentException("unknown device '" + deviceId + "'");
        }
        return committer.writeNowOrJoin(() -> {
            long id = counters.getOrDefault("next", 1L);
            counters.put("next", id + 1);
            Open o = new Open(deviceId, id, make.apply(id), QUEUED, "", clock.millis());
            stored.put(new Object[] {deviceId, id}, o.toStored());
            touched.add(deviceId);
            List<Open> list = new ArrayList<>(open.getOrDefault(deviceId, List.of()));
            list.add(o);
            open.put(deviceId, List.copyOf(list));
            return id;
        });
    }

    @Override
    public List<QueuedCommand> commands(String deviceId) {
        List<QueuedCommand> out = new ArrayList<>();
        for (Map.Entry<Object[], String> e : stored.subMap(new Object[] {deviceId, Long.MIN_VALUE}, true,
                new Object[] {deviceId, Long.MAX_VALUE}, true).entrySet()) {
            Open o = Open.parse(deviceId, (Long) e.getKey()[1], e.getValue());
            out.add(new QueuedCommand(o.id, deviceId, o.command.type(), o.state, o.detail, o.queuedAt));
        }
        return out;
    }

    /** @return commands queued or sent and not yet reported, over every device */
    public long openCount() {
        long n = 0;
        for (List<Open> l : open.values()) {
            n += l.size();
        }
        return n;
    }

    @Override
    public List<Command> deliverable(String deviceId, int maxBytes) {
        List<Open> list = open.get(deviceId);
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<Command> out = new ArrayList<>();
        int bytes = 0;
        for (Open o : list) {
            if (!out.isEmpty() && bytes + o.size > maxBytes) {
                break;
            }
            out.add(o.command);
            bytes += o.size;
        }
        return out;
    }

    @Override
    public void sent(String deviceId, List<Command> commands) {
        List<Long> ids = new ArrayList<>();
        for (Open o : open.getOrDefault(deviceId, List.of())) {
            for (Command c : commands) {
                if (c.id() == o.id && o.state.equals(QUEUED)) {
                    ids.add(o.id);
                }
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        committer.submit(() -> {
            for (long id : ids) {
                update(deviceId, id, SENT, "");
            }
            return null;
        }).whenComplete((r, e) -> {
            if (e != null) {
                Logger.warn("could not note commands {} of {} as sent: {}", ids, deviceId, e.toString());
            }
        });
    }

    @Override
    public void reported(String deviceId, long commandId, boolean applied, String reason) {
        if (!update(deviceId, commandId, applied ? "applied" : "refused", applied ? "" : reason)) {
            Logger.info("{} reported command {}, which is not open; nothing changed", deviceId, commandId);
        }
    }

    /** Moves an open command to {@code state}. Committer thread. @return false when it is not open */
    private boolean update(String deviceId, long id, String state, String detail) {
        Object[] key = {deviceId, id};
        String json = stored.get(key);
        if (json == null) {
            return false;
        }
        Open o = Open.parse(deviceId, id, json);
        if (!o.isOpen() || (o.state.equals(SENT) && state.equals(SENT))) {
            return false;
        }
        Open next = new Open(deviceId, id, o.command, state, detail == null ? "" : detail, o.queuedAt);
        stored.put(key, next.toStored());
        touched.add(deviceId);
        List<Open> list = new ArrayList<>();
        for (Open x : open.getOrDefault(deviceId, List.of())) {
            if (x.id != id) {
                list.add(x);
            } else if (next.isOpen()) {
                list.add(next);
            }
        }
        open.put(deviceId, List.copyOf(list));
        return true;
    }

    /** Retires the commands a newly stored uplink reports on. Committer thread, inside its commit. */
    @Override
    public void stored(Uplink uplink) {
        for (Event e : uplink.events()) {
            if (!e.type().equals(RESULT_EVENT)) {
                continue;
            }
            Map<String, Object> body;
            try {
                body = JsonReader.parseObject(e.body());
            } catch (JsonException ex) {
                Logger.warn("unreadable command result from {}: {}", uplink.device(), ex.getMessage());
                continue;
            }
            Object id = body.get("command");
            if (!(id instanceof BigDecimal)) {
                continue;
            }
            boolean applied = "applied".equals(body.get("outcome"));
            Object reason = body.get("reason");
            reported(uplink.device(), ((BigDecimal) id).longValue(), applied, reason instanceof String ? (String) reason : "");
        }
    }

    @Override
    public void beforeCommit() {
    }

    @Override
    public void afterCommit() {
        touched.clear();
    }

    @Override
    public void afterRollback() {
        for (String device : touched) {
            List<Open> list = new ArrayList<>();
            for (Map.Entry<Object[], String> e : stored.subMap(new Object[] {device, Long.MIN_VALUE}, true,
                    new Object[] {device, Long.MAX_VALUE}, true).entrySet()) {
                Open o = Open.parse(device, (Long) e.getKey()[1], e.getValue());
                if (o.isOpen()) {
                    list.add(o);
                }
            }
            open.put(device, List.copyOf(list));
        }
        touched.clear();
    }

    /** One command as stored: its encoding, state, detail and queue time. */
    private static final class Open {
        final String device;
        final long id;
        final Command command;
        final String state;
        final String detail;
        final long queuedAt;
        final int size;

        Open(String device, long id, Command command, String state, String detail, long queuedAt) {
            this.device = device;
            this.id = id;
            this.command = command;
            this.state = state;
            this.detail = detail;
            this.queuedAt = queuedAt;
            this.size = command.encode().length;
        }

        boolean isOpen() {
            return state.equals(QUEUED) || state.equals(SENT);
        }

        String toStored() {
            return new JsonWriter().beginObject().field("state", state).field("detail", detail)
                    .field("queuedAt", queuedAt).field("command", HEX.formatHex(command.encode())).endObject().toString();
        }

        static Open parse(String device, long id, String json) {
            Map<String, Object> m = JsonReader.parseObject(json);
            return new Open(device, id, Command.decode(HEX.parseHex((String) m.get("command"))), (String) m.get("state"),
                    (String) m.get("detail"), ((BigDecimal) m.get("queuedAt")).longValue());
        }
    }
}
