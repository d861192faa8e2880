package io.fieldlink.simulator.report;

import io.fieldlink.host.json.JsonReader;
import io.fieldlink.protocol.token.VerdictReason;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the boards sent ({@link SentRecords}) with what the host stored, read back through
 * the host's HTTP API ({@code GET /api/devices/{id}/series} per channel and {@code /events}), and
 * collects token verdicts, sales and shut-ins from the stored events. Queries go in time windows so
 * no answer reaches the API's point limit.
 */
public final class Reconciler {
    private static final long WINDOW = SentRecords.WINDOW;

    private final HostApi api;

    /** @param api the host's API */
    public Reconciler(HostApi api) {
        this.api = api;
    }

    /** What the host holds for one device, beyond the record check. */
    public record DeviceFindings(long lost, long stored, long extra, Map<String, Long> verdicts, long sales,
            long shutIns, long creditAccepted, Double lastBalance) {
    }

    /**
     * Checks one device: every sent reading and event must be stored once; the host must hold
     * nothing else in the sent time span.
     *
     * @throws IOException when the API fails
     */
    public DeviceFindings check(SentRecords sent, String device) throws IOException {
        SentRecords.DeviceLog log = sent.log(device);
        Map<Long, Integer> host = new HashMap<>();
        Map<String, Long> verdicts = new HashMap<>();
        long sales = 0;
        long shutIns = 0;
        long credit = 0;
        Double lastBalance = null;
        long lastBalanceAt = Long.MIN_VALUE;
        if (log == null) {
            return new DeviceFindings(0, 0, 0, verdicts, 0, 0, 0, null);
        }
        for (String channel : log.channels) {
            for (long w : log.windows) {
                for (Object o : api.series(device, channel, w, w + WINDOW)) {
                    Map<?, ?> p = (Map<?, ?>) o;
                    long t = Instant.parse((String) p.get("t")).toEpochMilli();
                    double v = ((BigDecimal) p.get("v")).doubleValue();
                    host.merge(SentRecords.readingFingerprint(channel, t, v), 1, Integer::sum);
                    if (channel.equals("balance") && t >= lastBalanceAt) {
                        lastBalanceAt = t;
                        lastBalance = v;
                    }
                }
            }
        }
        if (log.events) {
            for (long w : log.windows) {
                for (Object o : api.events(device, w, w + WINDOW)) {
                    Map<?, ?> e = (Map<?, ?>) o;
                    long t = Instant.parse((String) e.get("t")).toEpochMilli();
                    long seq = ((BigDecimal) e.get("seq")).longValueExact();
                    String type = (String) e.get("type");
                    String body = (String) e.get("body");
                    host.merge(SentRecords.eventFingerprint(seq, type, t, body), 1, Integer::sum);
                    if (type.equals("token-redemption")) {
                        Map<String, Object> b = JsonReader.parseObject(body);
                        int code = ((BigDecimal) b.get("reason")).intValue();
                        String kind = (String) b.get("kind");
                        verdicts.merge(kind + "/" + reasonName(kind, code), 1L, Long::sum);
                        if (kind.equals("credit") && Boolean.TRUE.equals(b.get("accepted"))) {
                            credit += ((BigDecimal) b.get("amount")).longValue();
                        }
                    } else if (type.equals("sale")) {
                        sales++;
                    } else if (type.equals("shut-in") && body.contains("\"latched\"")) {
                        shutIns++;
                    }
                }
            }
        }
        Set<Long> lostSeqs = new HashSet<>();
        Set<Long> allSeqs = new HashSet<>();
        for (long[] item : log.items) {
            allSeqs.add(item[0]);
            Integer n = host.get(item[1]);
            if (n == null || n == 0) {
                lostSeqs.add(item[0]);
            } else {
                host.put(item[1], n - 1);
            }
        }
        long extra = 0;
        for (int n : host.values()) {
            extra += n;
        }
        long records = log.recordHash.size();
        if (!lostSeqs.isEmpty()) {
            org.tinylog.Logger.warn("{}: sent records not found on the host, seqs {}", device,
                    lostSeqs.stream().sorted().limit(20).toList());
        }
        return new DeviceFindings(lostSeqs.size(), records - lostSeqs.size(), extra, verdicts, sales, shutIns, credit,
                lastBalance);
    }

    private static String reasonName(String kind, int code) {
        VerdictReason[] all = VerdictReason.values();
        if (code >= 0 && code < all.length) {
            return all[code].code();
        }
        return kind.equals("booking") && code == all.length ? "pump-busy" : "code-" + code;
    }
}
