package io.fieldlink.host.web;

import io.fieldlink.host.auth.ApiKeys;
import io.fieldlink.host.auth.Role;
import io.fieldlink.host.fleet.FleetView;
import io.fieldlink.host.fleet.LiveFeed;
import io.fieldlink.host.registry.DeviceRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * The operator dashboard: its files from the jar under {@code /ui/} (open: they hold no data; every
 * API call they make carries the signed-in key), {@code /} redirecting there, the fleet summary
 * {@code GET /api/fleet}, {@code GET /api/devices/{id}/latest}, and the live WebSocket
 * {@code /api/live} fed by the {@link LiveFeed}. See docs/dashboard.md.
 */
public final class DashboardRoutes implements ApiRoutes {
    private final FleetApi fleet;
    private final LiveSockets sockets;
    private final StaticFiles app = new StaticFiles("/ui/", "no-cache");
    private final StaticFiles vendor = new StaticFiles("/ui/vendor/", "public, max-age=86400");

    /**
     * @param view the fleet view (latest values and alarms)
     * @param feed the live feed; the dashboard's sockets start watching it here
     * @param keys API keys, to sign in live sockets
     * @param offlineAfter silence after which a device is offline
     */
    public DashboardRoutes(FleetView view, LiveFeed feed, DeviceRegistry registry, ApiKeys keys, Clock clock,
            Duration offlineAfter) {
        this.fleet = new FleetApi(view, registry, clock, offlineAfter);
        this.sockets = new LiveSockets(keys, clock);
        feed.watch(sockets);
    }

    @Override
    public void addTo(Router router) {
        router.add("GET", "/", null, q -> ApiResponse.redirect("/ui/"))
                .add("GET", "/ui", null, q -> app.get("index.html"))
                .add("GET", "/ui/{file}", null, q -> app.get(q.pathParams().get(0)))
                .add("GET", "/ui/vendor/{file}", null, q -> vendor.get(q.pathParams().get(0)))
                .add("GET", "/api/fleet", Role.VIEWER, fleet::summary)
                .add("GET", "/api/devices/{id}/latest", Role.VIEWER, fleet::latest)
                .socket("/api/live", sockets);
    }
}
