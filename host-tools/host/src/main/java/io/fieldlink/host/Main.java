package io.fieldlink.host;

import io.fieldlink.host.config.ConfigException;
import io.fieldlink.host.config.HostConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tinylog.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldlink host}: starts a host from the command line and runs until killed. Exit codes:
 * 0 after a normal stop, 2 for bad options or configuration, 1 when start-up fails.
 */
@Command(name = "fieldlink host", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the Fieldlink host: CoAP over DTLS for devices, HTTP API, MapDB store.",
        footerHeading = "%nConfiguration keys (--config FILE, Java properties):%n")
public final class Main implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "data directory (created when absent)")
    Path data;

    @Option(names = "--http-port", paramLabel = "H", description = "HTTP API port; 0 = any (overrides http.port)")
    Integer httpPort;

    @Option(names = "--coaps-port", paramLabel = "S", description = "CoAP over DTLS port; 0 = any (overrides coaps.port)")
    Integer coapsPort;

    @Option(names = "--coap-port", paramLabel = "C", description = "plain CoAP port, needs --insecure-coap (overrides coap.port)")
    Integer coapPort;

    @Option(names = "--insecure-coap", description = "also open plain CoAP; devices name themselves with ?d=<id>")
    boolean insecureCoap;

    @Option(names = "--config", paramLabel = "FILE", description = "properties file with the keys below")
    Path configFile;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpWidth(120);
        cl.getCommandSpec().usageMessage().footer(String.join("%n", HostConfig.describe()).replace("%", "%%")
                .replace("%%n", "%n"));
        return cl;
    }

    /** @return the configuration from the file and options */
    HostConfig config() throws IOException {
        HostConfig c = HostConfig.defaults();
        if (configFile != null) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(configFile)) {
                p.load(in);
            }
            c = HostConfig.fromProperties(p);
        }
        if (coapPort != null && !insecureCoap && !c.get(HostConfig.COAP_INSECURE)) {
            throw new ConfigException("--coap-port: plain CoAP needs --insecure-coap");
        }
        if (httpPort != null) {
            c = c.with(HostConfig.HTTP_PORT, HostConfig.HTTP_PORT.parse(httpPort.toString()));
        }
        if (coapsPort != null) {
            c = c.with(HostConfig.COAPS_PORT, HostConfig.COAPS_PORT.parse(coapsPort.toString()));
        }
        if (coapPort != null) {
            c = c.with(HostConfig.COAP_PORT, HostConfig.COAP_PORT.parse(coapPort.toString()));
        }
        if (insecureCoap) {
            c = c.with(HostConfig.COAP_INSECURE, true);
        }
        return c;
    }

    @Override
    @SuppressForbidden(reason = "the operator key is shown once on the console at first start")
    public Integer call() throws Exception {
        HostConfig c;
        try {
            c = config();
        } catch (ConfigException | IOException e) {
            PrintWriter err = new PrintWriter(System.err, true);
            err.println("fieldlink host: " + e.getMessage());
            return 2;
        }
        HostServer host;
        try {
            host = HostServer.builder().dataDir(data).config(c).build().start();
        } catch (HostException | IllegalStateException e) {
            Logger.error(e, "start-up failed");
            System.err.println("fieldlink host: start-up failed: " + e.getMessage());
            return 1;
        }
        if (host.operatorKeyCreated()) {
            System.out.println("Operator API key (shown once, also in " + data.resolve("operator.key") + "):");
            System.out.println("  " + host.operatorKey());
        }
        System.out.println("ports: http=" + host.httpPort() + " coaps=" + host.coapsPort() + " coap="
                + host.coapPort());
        String bind = c.get(HostConfig.BIND_ADDRESS);
        String where = bind.equals("0.0.0.0") || bind.equals("::") ? "localhost" : bind.contains(":") ? "[" + bind + "]" : bind;
        System.out.println("dashboard: http://" + where + ":" + host.httpPort() + "/");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            stopped.countDown();
        }, "fieldlink-shutdown"));
        stopped.await();
        return 0;
    }
}
