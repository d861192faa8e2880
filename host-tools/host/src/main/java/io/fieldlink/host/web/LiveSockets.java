package io.fieldlink.host.web;

import fi.iki.elonen.NanoHTTPD;
import fi.iki.elonen.NanoWSD;
import io.fieldlink.host.auth.ApiKeys;
import io.fieldlink.host.fleet.LiveFeed;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.json.JsonWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open {@link LiveSocket}s: opens one per upgrade on {@code /api/live}, and pushes each
 * stored uplink from the {@link LiveFeed} to the sockets watching its device (on the feed's
 * thread). Sockets still not signed in {@value #AUTH_GRACE_MS} ms after opening are closed at the
 * next delivery; beyond {@value #MAX_SOCKETS} open sockets a new one is refused. Thread-safe.
 */
final class LiveSockets implements LiveFeed.Watcher, SocketRoute {
    static final int MAX_SOCKETS = 200;
    static final long AUTH_GRACE_MS = 10_000;
    private final Set<LiveSocket> open = ConcurrentHashMap.newKeySet();
    private final ApiKeys keys;
    private final Clock clock;

    LiveSockets(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public NanoWSD.WebSocket open(NanoHTTPD.IHTTPSession handshake) {
        return new LiveSocket(handshake, keys, this, clock.millis());
    }

    void opened(LiveSocket s) {
        if (open.size() >= MAX_SOCKETS) {
            s.refuse("too many live connections");
            return;
        }
        open.add(s);
    }

    void closed(LiveSocket s) {
        open.remove(s);
    }

    /** @return sockets open now */
    int size() {
        return open.size();
    }

    @Override
    public void deliver(List<Uplink> uplinks) {
        long now = clock.millis();
        List<String> messages = new ArrayList<>(uplinks.size());
        for (Uplink u : uplinks) {
            messages.add(null);
        }
        for (LiveSocket s : open) {
            if (s.overdue(now, AUTH_GRACE_MS)) {
                s.refuse("not signed in within " + AUTH_GRACE_MS / 1000 + " s");
                continue;
            }
            for (int i = 0; i < uplinks.size(); i++) {
                Uplink u = uplinks.get(i);
                if (s.watches(u.device())) {
                    if (messages.get(i) == null) {
                        messages.set(i, message(u));
                    }
                    s.push(messages.get(i));
                }
            }
        }
    }

    static String message(Uplink u) {
        JsonWriter w = new JsonWriter().beginObject().field("type", "uplink").field("device", u.device())
                .field("seq", u.seq()).name("readings").beginArray();
        for (Reading r : u.readings()) {
            w.beginArray().value(r.channel()).value(r.timeMillis()).value(r.value()).endArray();
        }
        w.endArray().name("events").beginArray();
        for (Event e : u.events()) {
            w.beginObject().field("t", e.timeMillis()).field("type", e.type()).field("body", e.body()).endObject();
        }
        return w.endArray().endObject().toString();
    }
}
