package io.fieldlink.simulator;

import io.fieldlink.host.HostServer;
import io.fieldlink.host.registry.Device;
import io.fieldlink.simulator.fleet.Fleet;
import io.fieldlink.simulator.fleet.FleetClock;
import io.fieldlink.simulator.fleet.FleetSpec;
import io.fieldlink.simulator.net.DtlsHost;
import io.fieldlink.simulator.net.HostPort;
import io.fieldlink.simulator.net.InProcessHost;
import io.fieldlink.simulator.report.HostApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fieldlink demo}: one process with the host (embedded storage in the data directory, reused
 * by the next run, boards' journals included) and a mixed fleet at x60 over real DTLS on loopback.
 * Prints the API URL and key; Ctrl-C (SIGINT or SIGTERM) stops the fleet, saves the boards and
 * closes the host.
 */
@Command(name = "fieldlink demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the host with embedded storage and a simulated mixed fleet (meters, pumps, wells).")
final class Demo implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default ./data/demo; reused on the next run)")
    Path data = Path.of("data", "demo");

    @Option(names = "--http-port", paramLabel = "H", description = "HTTP API port (default 8080; 0 = any)")
    int httpPort = 8080;

    @Option(names = "--coaps-port", paramLabel = "S", description = "CoAP over DTLS port (default 5684; 0 = any)")
    int coapsPort = 5684;

    @Option(names = "--transport", paramLabel = "T", description = "dtls (default) or in-process")
    String transport = "dtls";

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Override
    @SuppressForbidden(reason = "the demo prints where to look")
    public Integer call() throws Exception {
        FleetSpec spec;
        double speed;
        try {
            FleetSpec d = new FleetSpec();
            d.meters = 200;
            d.pumps = 10;
            d.wells = 20;
            d.idPrefix = "demo-";
            d.reportIntervalMillis = 5 * 60_000L;
            d.meterTelemetryMillis = 15 * 60_000L;
            d.bootSpreadMillis = 120_000L;
            d.loss = 0.01;
            d.powerCutsPerDay = 0.05;
            d.sensorFaultsPerDay = 0.02;
            d.incidentsPerDay = 0.02;
            spec = fleet.spec(d);
            speed = fleet.speedValue(60);
            if (!transport.equals("dtls") && !transport.equals("in-process")) {
                throw new IllegalArgumentException("--transport must be dtls or in-process: " + transport);
            }
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("fieldlink demo: " + e.getMessage());
            return 2;
        }
        FleetClock clock = new FleetClock(System.currentTimeMillis(), speed == 0 ? 60 : speed);
        HostServer host;
        try {
            host = HostServer.builder().dataDir(data).httpPort(httpPort).coapsPort(coapsPort)
                    .clock(new FleetTimeSource(clock)).build().start();
        } catch (RuntimeException e) {
            System.err.println("fieldlink demo: the host cannot start: " + e.getMessage()
                    + (httpPort != 0 ? " (is port " + httpPort + " or " + coapsPort + " in use? try --http-port 0 --coaps-port 0)" : ""));
            return 1;
        }
        GracefulStop shutdown = new GracefulStop("demo-shutdown");
        HostPort port = null;
        try {
            String url = "http://127.0.0.1:" + host.httpPort();
            System.out.println("Fieldlink demo: host with embedded storage in " + data.toAbsolutePath());
            System.out.println("  dashboard: " + url + "/   (sign in with the API key below)");
            System.out.println("  API:       " + url + "/api/devices");
            System.out.println("  health:    " + url + "/health");
            System.out.println("  API key:   " + host.operatorKey() + "   (also in " + data.resolve("operator.key") + ")");
            System.out.println("  try:       curl -H 'Authorization: Bearer " + host.operatorKey() + "' " + url + "/api/devices");
            System.out.println("  fleet:     " + spec.meters + " meters, " + spec.pumps + " pumps, " + spec.wells + " wells at x"
                    + (long) clock.speed() + " over " + transport + "; Ctrl-C stops");
            System.out.flush();
            port = transport.equals("in-process") ? new InProcessHost(host)
                    : new DtlsHost(new InetSocketAddress("127.0.0.1", host.coapsPort()));
            HostApi api = new HostApi(URI.create(url), host.operatorKey());
            new SimulationRun(spec, clock, port, api, Issuer.forSeed(spec.seed))
                    .provisioner(new Fleet.Provisioner() {
                        @Override
                        public byte[] psk(String id, String kind) throws IOException {
                            return psks(Map.of(id, kind)).get(id);
                        }

                        /** Boards of an earlier demo on the same data keep their PSKs (from the embedded host); the rest in batches. */
                        @Override
                        public Map<String, byte[]> psks(Map<String, String> kinds) throws IOException {
                            Map<String, byte[]> out = new HashMap<>();
                            Map<String, String> fresh = new LinkedHashMap<>();
                            for (Map.Entry<String, String> e : kinds.entrySet()) {
                                Optional<Device> known = host.registry().find(e.getKey());
                                if (known.isPresent()) {
                                    out.put(e.getKey(), known.get().psk());
                                } else {
                                    fresh.put(e.getKey(), e.getValue());
                                }
                            }
                            out.putAll(api.provisionAll(fresh));
                            return out;
                        }
                    })
                    .stateDir(data.resolve("boards")).verify(false)
                    .progress(s -> System.err.println("fieldlink demo: " + s))
                    .run(Long.MAX_VALUE, 0, shutdown::requested);
            System.out.println("Fieldlink demo: stopped; the boards and the host's data are kept in " + data);
            return 0;
        } catch (IOException e) {
            System.err.println("fieldlink demo: " + e.getMessage());
            return 1;
        } finally {
            if (port != null) {
                port.close();
            }
            host.close();
            shutdown.finished();
        }
    }
}
