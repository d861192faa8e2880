package io.fieldlink.host.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Every host configuration key, in one place, and an immutable set of values for them. Values come
 * from defaults, then a properties file, then command-line options ({@link #with}). Immutable and
 * thread-safe.
 */
public final class HostConfig {
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.text("bind.address", "0.0.0.0",
            "address the CoAP and HTTP listeners bind to");
    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.integer("http.port", 0, 65535, 8080,
            "HTTP API port (0 = any free port)");
    public static final ConfigKey<Integer> COAPS_PORT = ConfigKey.integer("coaps.port", 0, 65535, 5684,
            "CoAP over DTLS 1.2 PSK port (0 = any free port)");
    public static final ConfigKey<Integer> COAP_PORT = ConfigKey.integer("coap.port", 0, 65535, 5683,
            "plain CoAP port, opened only when coap.insecure is true (0 = any free port)");
    public static final ConfigKey<Boolean> COAP_INSECURE = ConfigKey.bool("coap.insecure", false,
            "open the plain CoAP port; devices name themselves with ?d=<id>");
    public static final ConfigKey<Integer> UDP_RECEIVE_BUFFER = ConfigKey.integer("coap.udp-receive-buffer",
            0, 64 * 1024 * 1024, 4 * 1024 * 1024,
            "SO_RCVBUF of the CoAP sockets, bytes (0 = OS default; capped by net.core.rmem_max)");
    public static final ConfigKey<Integer> COAP_MAX_PAYLOAD = ConfigKey.integer("coap.max-payload", 64, 1 << 20,
            16 * 1024, "largest uplink payload accepted, in bytes");
    public static final ConfigKey<Integer> COAP_DEDUP_PER_PEER = ConfigKey.integer("coap.dedup-per-peer", 1, 100_000,
            16, "CoAP exchanges remembered per peer to answer retransmissions (uplinks are also de-duplicated by seq)");
    public static final ConfigKey<Integer> DTLS_MAX_CONNECTIONS = ConfigKey.integer("dtls.max-connections",
            16, 10_000_000, 150_000, "DTLS sessions kept at once");
    public static final ConfigKey<Duration> DEVICE_OFFLINE_AFTER = ConfigKey.duration("device.offline-after",
            Duration.ofMinutes(15), "a device silent this long is reported offline");
    public static final ConfigKey<Integer> INGEST_QUEUE = ConfigKey.integer("ingest.queue-capacity", 16, 1_000_000,
            20_000, "writes waiting for the committer before uplinks get 5.03");
    public static final ConfigKey<Integer> INGEST_MAX_BATCH = ConfigKey.integer("ingest.max-batch", 1, 100_000,
            1_000, "most writes grouped into one durable commit (one ingest log sync for uplinks)");
    public static final ConfigKey<Duration> INGEST_CHECKPOINT_INTERVAL = ConfigKey.duration("ingest.checkpoint-interval",
            Duration.ofSeconds(5), "longest time between store checkpoints while uplinks are only in the ingest log (DIR/ingest-log)");
    public static final ConfigKey<Integer> INGEST_CHECKPOINT_WRITES = ConfigKey.integer("ingest.checkpoint-writes", 1,
            10_000_000, 50_000, "most uplink writes in the ingest log between store checkpoints");
    public static final ConfigKey<Duration> RETENTION_RAW = ConfigKey.duration("retention.raw",
            Duration.ofDays(90), "how long raw readings and events are kept");
    public static final ConfigKey<Duration> RETENTION_15M = ConfigKey.duration("retention.15m",
            Duration.ofDays(400), "how long 15-minute rollups are kept");
    public static final ConfigKey<Duration> RETENTION_1H = ConfigKey.duration("retention.1h",
            Duration.ofDays(3 * 365), "how long hourly rollups are kept");
    public static final ConfigKey<Duration> RETENTION_1D = ConfigKey.duration("retention.1d",
            Duration.ofDays(20 * 365), "how long daily rollups are kept");
    public static final ConfigKey<Integer> HTTP_MAX_BODY = ConfigKey.integer("http.max-body", 256, 16 << 20,
            64 * 1024, "largest HTTP request body accepted, in bytes");
    public static final ConfigKey<Integer> API_MAX_POINTS = ConfigKey.integer("api.max-points", 10, 10_000_000,
            100_000, "most points one series or events request returns");

    public static final ConfigKey<String> LEDGER_FORWARD = ConfigKey.text("ledger.forward", "",
            "external ledger endpoints, name=http(s)://url[,name=url...]; empty = no forwarding");
    public static final ConfigKey<Duration> BOOKING_GRACE = ConfigKey.duration("billing.booking-grace",
            Duration.ofMinutes(15), "a booking token is valid this long before its slot and after its end");

    /** All keys, in the order {@code --help} lists them. */
    public static final List<ConfigKey<?>> KEYS = Collections.unmodifiableList(List.of(BIND_ADDRESS, HTTP_PORT,
            COAPS_PORT, COAP_PORT, COAP_INSECURE, UDP_RECEIVE_BUFFER, COAP_MAX_PAYLOAD, COAP_DEDUP_PER_PEER,
            DTLS_MAX_CONNECTIONS,
            DEVICE_OFFLINE_AFTER, INGEST_QUEUE, INGEST_MAX_BATCH, INGEST_CHECKPOINT_INTERVAL, INGEST_CHECKPOINT_WRITES,
            RETENTION_RAW, RETENTION_15M, RETENTION_1H,
            RETENTION_1D, HTTP_MAX_BODY, API_MAX_POINTS, LEDGER_FORWARD, BOOKING_GRACE));

    private final Map<ConfigKey<?>, Object> values;

    private HostConfig(Map<ConfigKey<?>, Object> values) {
        this.values = values;
    }

    /** @return every key at its default */
    public static HostConfig defaults() {
        Map<ConfigKey<?>, Object> m = new LinkedHashMap<>();
        for (ConfigKey<?> k : KEYS) {
            m.put(k, k.defaultValue());
        }
        return new HostConfig(m);
    }

    /**
     * Reads keys from properties over the defaults.
     *
     * @throws ConfigException naming the first unknown key (in sorted order) or invalid value
     */
    public static HostConfig fromProperties(Properties props) {
        HostConfig c = defaults();
        for (String name : new TreeSet<>(props.stringPropertyNames())) {
            ConfigKey<?> key = byName(name);
            c = c.withParsed(key, props.getProperty(name));
        }
        return c;
    }

    /**
     * @return the key named {@code name}
     * @throws ConfigException when no key has that name
     */
    public static ConfigKey<?> byName(String name) {
        for (ConfigKey<?> k : KEYS) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new ConfigException(name + ": unknown configuration key (see --help for the list)");
    }

    /** @return the value of {@code key} */
    public <T> T get(ConfigKey<T> key) {
        @SuppressWarnings("unchecked")
        T v = (T) values.get(key);
        return v;
    }

    /** @return a copy with {@code key} set to {@code value} */
    public <T> HostConfig with(ConfigKey<T> key, T value) {
        Map<ConfigKey<?>, Object> m = new LinkedHashMap<>(values);
        m.put(key, value);
        return new HostConfig(m);
    }

    private <T> HostConfig withParsed(ConfigKey<T> key, String text) {
        return with(key, key.parse(text));
    }

    /** @return two lines per key: name, type, default, description (for {@code --help}) */
    public static List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (ConfigKey<?> k : KEYS) {
            lines.add(String.format("  %-26s %-20s default %s", k.name(), k.typeName(), k.format(k.defaultValue())));
            lines.add("      " + k.description());
        }
        return lines;
    }
}
