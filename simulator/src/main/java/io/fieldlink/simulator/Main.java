package io.fieldlink.simulator;

import io.fieldlink.host.HostServer;
import io.fieldlink.host.config.HostConfig;
import io.fieldlink.simulator.fleet.FleetClock;
import io.fieldlink.simulator.fleet.FleetSpec;
import io.fieldlink.simulator.net.AckingSink;
import io.fieldlink.simulator.net.DtlsHost;
import io.fieldlink.simulator.net.HostPort;
import io.fieldlink.simulator.net.InProcessHost;
import io.fieldlink.simulator.report.FleetReport;
import io.fieldlink.simulator.report.HostApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fieldlink sim} (the fleet simulator against a running host) and, with {@code demo} as the
 * first argument, {@code fieldlink demo} (an embedded host plus a mixed fleet). Exit codes: 0 when
 * the report is clean (or the demo stopped normally), 1 when the report found a problem or start-up
 * failed, 2 for bad options.
 */
@Command(name = "fieldlink sim", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a fleet of virtual boards (the real firmware core) against a Fieldlink host, then "
                + "checks through the host API that nothing was lost or stored twice and that the money adds up."})
public final class Main implements Callable<Integer> {
    @Option(names = "--api", paramLabel = "URL", description = "the host's HTTP API, e.g. http://127.0.0.1:8080")
    URI api;

    @Option(names = "--key-file", paramLabel = "F", description = "file holding an API key (technician or operator)")
    Path keyFile;

    @Option(names = "--host", paramLabel = "coaps://HOST:PORT", description = "the host's CoAP over DTLS address (default: the API's host, port 5684)")
    URI coaps;

    @Option(names = "--transport", paramLabel = "T", description = "dtls (default: real UDP + DTLS-PSK), in-process (an embedded host in --data, for scale runs) "
            + "or sink (no host: every request acknowledged at once; measures the boards alone, nothing is read back)")
    String transport = "dtls";

    @Option(names = "--data", paramLabel = "DIR", description = "with --transport in-process: the embedded host's data directory")
    Path data;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the end report as JSON here")
    Path reportFile;

    @Option(names = "--no-drain", description = "stop at once at the end instead of letting every journal empty")
    boolean noDrain;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    /** Runs {@code sim}, or {@code demo} when the first argument is {@code demo}. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            System.exit(new CommandLine(new Demo()).setUsageHelpWidth(120).execute(rest));
        }
        System.exit(new CommandLine(new Main()).setUsageHelpWidth(120).execute(args));
    }

    @Override
    @SuppressForbidden(reason = "the command prints its report")
    public Integer call() throws Exception {
        FleetSpec spec;
        double speed;
        try {
            spec = fleet.spec(defaults());
            speed = fleet.speedValue(0);
            if (!transport.equals("dtls") && !transport.equals("in-process") && !transport.equals("sink")) {
                throw new IllegalArgumentException("--transport must be dtls, in-process or sink: " + transport);
            }
            if (transport.equals("dtls") && (api == null || keyFile == null)) {
                throw new IllegalArgumentException("--api and --key-file are required with --transport dtls");
            }
            if (transport.equals("in-process") && data == null) {
                throw new IllegalArgumentException("--transport in-process runs an embedded host: give --data DIR");
            }
            if (fleet.idPrefix == null) {
                spec.idPrefix = "sim-" + spec.seed + "-";
            }
            if (transport.equals("dtls")) {
                spec.threads = 1; // one DTLS connector per board, handshakes on their own threads: not sharded
            }
            spec.check();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("fieldlink sim: " + e.getMessage());
            return 2;
        }
        double days = fleet.days != null ? fleet.days : speed == 0 ? 7 : Double.POSITIVE_INFINITY;
        long duration = Double.isInfinite(days) ? Long.MAX_VALUE : (long) (days * 86_400_000L);
        FleetClock clock = new FleetClock(System.currentTimeMillis(), speed);
        GracefulStop shutdown = new GracefulStop("sim-shutdown");
        HostServer embedded = null;
        HostPort port = null;
        try {
            HostApi hostApi;
            boolean sink = transport.equals("sink");
            if (sink) {
                hostApi = new HostApi(URI.create("http://sink.invalid"), "");
                port = new AckingSink(clock::hostMillis);
            } else if (transport.equals("in-process")) {
                embedded = HostServer.builder().config(embeddedConfig(spec, clock.virtual(),
                        duration == Long.MAX_VALUE ? Long.MAX_VALUE : duration + (noDrain ? 0 : DRAIN_MILLIS))).dataDir(data)
                        .bindAddress("127.0.0.1").httpPort(0).coapsPort(0)
                        .clock(new FleetTimeSource(clock)).build().start();
                hostApi = new HostApi(URI.create("http://127.0.0.1:" + embedded.httpPort()), embedded.operatorKey());
                port = new InProcessHost(embedded);
            } else {
                String key;
                try {
                    key = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    System.err.println("fieldlink sim: cannot read --key-file " + keyFile + ": " + e.getMessage());
                    return 2;
                }
                hostApi = new HostApi(api, key);
                String h = coaps != null ? coaps.getHost() : api.getHost();
                int p = coaps != null && coaps.getPort() > 0 ? coaps.getPort() : 5684;
                if (coaps != null && !"coaps".equals(coaps.getScheme())) {
                    System.err.println("fieldlink sim: --host must be coaps://HOST:PORT, got " + coaps);
                    return 2;
                }
                DtlsHost dtls = new DtlsHost(new InetSocketAddress(h, p));
                dtls.progressEvery(30, line -> System.err.println("fieldlink sim: " + line));
                port = dtls;
            }
            SimulationRun run = new SimulationRun(spec, clock, port, hostApi, Issuer.forSeed(spec.seed))
                    .progress(s -> System.err.println("fieldlink sim: " + s));
            if (sink) {
                run.provisioner((id, kind) -> new byte[16]).verify(false);
            }
            HostLoad.Committed[] committed = new HostLoad.Committed[2];
            if (embedded != null) {
                HostServer host = embedded;
                run.runWindow(() -> committed[0] = HostLoad.Committed.of(host.committer()),
                        () -> committed[1] = HostLoad.Committed.of(host.committer()));
            }
            FleetReport report = run.run(duration, noDrain ? 0 : DRAIN_MILLIS, shutdown::requested);
            System.out.print(report.text());
            if (sink) {
                System.out.println("(sink transport: no host stored anything; nothing was read back or checked)");
            }
            if (embedded != null) {
                System.err.println("fieldlink sim: host " + HostLoad.describe(embedded.metrics().render(), report.simulatedDays));
                System.err.println("fieldlink sim: host committer during run + drain " + committed[1].since(committed[0]));
            }
            if (port instanceof DtlsHost dtls) {
                System.err.println("fieldlink sim: " + dtls.stats().line());
            }
            if (reportFile != null) {
                Files.writeString(reportFile, report.json(), StandardCharsets.UTF_8);
            }
            return report.ok() ? 0 : 1;
        } catch (IOException e) {
            System.err.println("fieldlink sim: " + e.getMessage());
            return 1;
        } finally {
            if (port != null) {
                port.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            shutdown.finished();
        }
    }

    /**
     * The embedded host's configuration. In virtual time the host's offline rule cannot be judged: it
     * runs every minute of wall time while the fleet's time jumps hours, the host's clock is the
     * fleet's furthest time while a board waiting for an answer may be a look-ahead behind it, and
     * boards the host refused (5.03) under the compressed load back off. Every board then looks
     * silent and gets an alert that says nothing about the fleet (with 100,000 meters their writes,
     * then one checkpoint each, stalled the run and the read-back). So in virtual time a
     * device counts as offline only after the whole run (plus a report interval, a look-ahead and a
     * back-off); a paced run keeps the default.
     *
     * @param spanMillis the fleet time the run lasts, drain included (Long.MAX_VALUE: until stopped)
     */
    static HostConfig embeddedConfig(FleetSpec spec, boolean virtual, long spanMillis) {
        HostConfig c = HostConfig.defaults();
        if (!virtual) {
            return c;
        }
        long room = spec.reportIntervalMillis + spec.lookaheadMillis + spec.backoffCapMillis
                + (spanMillis == Long.MAX_VALUE ? 0 : spanMillis);
        return c.with(HostConfig.DEVICE_OFFLINE_AFTER, c.get(HostConfig.DEVICE_OFFLINE_AFTER).plusMillis(room));
    }

    /** Longest fleet time the drain may take. */
    private static final long DRAIN_MILLIS = 86_400_000L;

    static FleetSpec defaults() {
        FleetSpec s = new FleetSpec();
        s.meters = 0;
        s.pumps = 0;
        s.wells = 0;
        return s;
    }
}
