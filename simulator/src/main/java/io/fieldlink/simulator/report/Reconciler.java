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
 * the host's HTTP API, and collects token verdicts, sales and shut-ins from the stored events. The
 * read-back uses the bulk export ({@code GET /api/export/devices/{id}}: every sent channel and the
 * events over the whole span, in pages), or on a host without it one {@code /series} request per
 * channel and 30-day window and one {@code /events} request per window.
 */
public final class Reconciler {
    private static final long WINDOW = SentRecords.WINDOW;
    /** Rows per export page. */
    private static final int PAGE = 100_000;

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
        if (log == null) {
            return new DeviceFindings(0, 0, 0, new HashMap<>(), 0, 0, 0, null);
        }
        Tally tally = new Tally();
        if (!exported(device, log, tally)) {
            windows(device, log, tally);
        }
        Map<Long, Integer> host = tally.host;
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
        return new DeviceFindings(lostSeqs.size(), records - lostSeqs.size(), extra, tally.verdicts, tally.sales,
                tally.shutIns, tally.credit, tally.lastBalance);
    }

    /** What was read back for one device. */
    private static final class Tally {
        final Map<Long, Integer> host = new HashMap<>();
        final Map<String, Long> verdicts = new HashMap<>();
        long sales;
        long shutIns;
        long credit;
        Double lastBalance;
        long lastBalanceAt = Long.MIN_VALUE;

        void reading(String channel, long t, double v) {
            host.merge(SentRecords.readingFingerprint(channel, t, v), 1, Integer::sum);
            if (channel.equals("balance") && t >= lastBalanceAt) {
                lastBalanceAt = t;
                lastBalance = v;
            }
        }

        void event(long t, long seq, String type, String body) {
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

    /**
     * Reads everything back through the bulk export ({@code GET /api/export/devices/{id}}), page by
     * page over the whole span that holds something sent.
     *
     * @return false when the host has no export route
     */
    private boolean exported(String device, SentRecords.DeviceLog log, Tally tally) throws IOException {
        long from = log.windows.first();
        long to = log.windows.last() + WINDOW;
        while (from < to) {
            HostApi.ExportPage page = api.export(device, log.channels, log.events, from, to, PAGE);
            if (page == null) {
                return false;
            }
            for (Map.Entry<String, List<Object>> c : page.readings().entrySet()) {
                for (Object o : c.getValue()) {
                    List<?> p = (List<?>) o;
                    tally.reading(c.getKey(), ((BigDecimal) p.get(0)).longValueExact(), ((BigDecimal) p.get(1)).doubleValue());
                }
            }
            for (Object o : page.events()) {
                List<?> e = (List<?>) o;
                tally.event(((BigDecimal) e.get(0)).longValueExact(), ((BigDecimal) e.get(1)).longValueExact(),
                        (String) e.get(2), (String) e.get(3));
            }
            if (page.next() == null) {
                break;
            }
            if (page.next() <= from) {
                throw new IOException("export of " + device + " does not advance past " + from);
            }
            from = page.next();
        }
        return true;
    }

    /** The older way: one series request per channel and 30-day window, one events request per window. */
    private void windows(String device, SentRecords.DeviceLog log, Tally tally) throws IOException {
        for (String channel : log.channels) {
            for (long w : log.windows) {
                for (Object o : api.series(device, channel, w, w + WINDOW)) {
                    Map<?, ?> p = (Map<?, ?>) o;
                    tally.reading(channel, Instant.parse((String) p.get("t")).toEpochMilli(),
                            ((BigDecimal) p.get("v")).doubleValue());
                }
            }
        }
        if (log.events) {
            for (long w : log.windows) {
                for (Object o : api.events(device, w, w + WINDOW)) {
                    Map<?, ?> e = (Map<?, ?>) o;
                    tally.event(Instant.parse((String) e.get("t")).toEpochMilli(),
                            ((BigDecimal) e.get("seq")).longValueExact(), (String) e.get("type"), (String) e.get("body"));
                }
            }
        }
    }

    private static String reasonName(String kind, int code) {
        VerdictReason[] all = VerdictReason.values();
        if (code >= 0 && code < all.length) {
            return all[code].code();
        }
        return kind.equals("booking") && code == all.length ? "pump-busy" : "code-" + code;
    }
}
