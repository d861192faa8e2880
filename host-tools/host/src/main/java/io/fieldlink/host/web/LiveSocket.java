package io.fieldlink.host.web;

import fi.iki.elonen.NanoHTTPD;
import fi.iki.elonen.NanoWSD;
import io.fieldlink.host.auth.ApiKeys;
import io.fieldlink.host.auth.Principal;
import io.fieldlink.host.auth.Role;
import io.fieldlink.host.json.JsonException;
import io.fieldlink.host.json.JsonReader;
import io.fieldlink.host.json.JsonWriter;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One browser's live connection ({@code /api/live}). The key never travels in the URL: the first
 * message must be {@code {"type":"auth","key":"..."}} (a viewer key or better), answered with
 * {@code {"type":"ready","role":...}}, or with {@code {"type":"error",...}} and a close. Then
 * {@code {"type":"watch","devices":[ids]}} chooses the devices (at most {@value #MAX_WATCHED}) whose
 * newly stored uplinks are pushed as {@code {"type":"uplink","device","readings":[[channel, t, v]...],
 * "events":[{"t","type","body"}]}}. Messages arrive on the socket's own thread; pushes come from the
 * live feed's thread.
 */
final class LiveSocket extends NanoWSD.WebSocket {
    static final int MAX_WATCHED = 100;
    private final ApiKeys keys;
    private final LiveSockets registry;
    private final long openedAt;
    private volatile Principal principal;
    private volatile Set<String> watched = Set.of();

    LiveSocket(NanoHTTPD.IHTTPSession handshake, ApiKeys keys, LiveSockets registry, long openedAt) {
        super(handshake);
        this.keys = keys;
        this.registry = registry;
        this.openedAt = openedAt;
    }

    @Override
    protected void onOpen() {
        registry.opened(this);
    }

    @Override
    protected void onClose(NanoWSD.WebSocketFrame.CloseCode code, String reason, boolean initiatedByRemote) {
        registry.closed(this);
    }

    @Override
    protected void onMessage(NanoWSD.WebSocketFrame frame) {
        Map<String, Object> msg;
        try {
            msg = JsonReader.parseObject(frame.getTextPayload());
        } catch (JsonException e) {
            refuse("message is not a JSON object: " + e.getMessage());
            return;
        }
        Object type = msg.get("type");
        if (principal == null) {
            Object key = msg.get("key");
            if (!"auth".equals(type) || !(key instanceof String)) {
                refuse("first message must be {\"type\":\"auth\",\"key\":\"...\"}");
                return;
            }
            Principal p = keys.authenticate((String) key).orElse(null);
            if (p == null || !p.role().covers(Role.VIEWER)) {
                refuse("unknown API key");
                return;
            }
            principal = p;
            push(new JsonWriter().beginObject().field("type", "ready").field("role", p.role().wireName()).endObject()
                    .toString());
        } else if ("watch".equals(type) && msg.get("devices") instanceof List<?> list && list.size() <= MAX_WATCHED
                && list.stream().allMatch(o -> o instanceof String)) {
            Set<String> ids = new HashSet<>();
            list.forEach(o -> ids.add((String) o));
            watched = Set.copyOf(ids);
        } else {
            push(new JsonWriter().beginObject().field("type", "error")
                    .field("error", "expected {\"type\":\"watch\",\"devices\":[at most " + MAX_WATCHED + " ids]}")
                    .endObject().toString());
        }
    }

    @Override
    protected void onPong(NanoWSD.WebSocketFrame pong) {
    }

    @Override
    protected void onException(IOException e) {
        registry.closed(this);
    }

    /** @return true when signed in and watching {@code device} */
    boolean watches(String device) {
        return principal != null && watched.contains(device);
    }

    /** @return true when still not signed in {@code graceMillis} after opening */
    boolean overdue(long now, long graceMillis) {
        return principal == null && now - openedAt > graceMillis;
    }

    /** Sends {@code text}; a failed send forgets the socket. */
    void push(String text) {
        try {
            send(text);
        } catch (IOException e) {
            registry.closed(this);
        }
    }

    /** Closes with a policy-violation code, saying why first. */
    void refuse(String why) {
        push(new JsonWriter().beginObject().field("type", "error").field("error", why).endObject().toString());
        try {
            close(NanoWSD.WebSocketFrame.CloseCode.PolicyViolation, why.length() > 100 ? why.substring(0, 100) : why, false);
        } catch (IOException e) {
            registry.closed(this);
        }
    }
}
