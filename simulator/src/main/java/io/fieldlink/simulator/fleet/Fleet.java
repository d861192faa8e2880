package io.fieldlink.simulator.fleet;

import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.firmware.meter.PrepaidLedger;
import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapDecoder;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import io.fieldlink.simulator.net.HostPort;
import io.fieldlink.simulator.report.FleetReport;
import io.fieldlink.simulator.report.SentRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.tinylog.Logger;

/**
 * The fleet: every virtual board on one discrete-event scheduler (one thread, however many boards).
 * Events are board turns (when a board's own event loop has something due), datagrams arriving
 * after their latency, boots, power cuts, partitions and physics incidents. In virtual time the
 * clock jumps from event to event, but never past a moment at which a request is waiting for the
 * host: the host answers in real time, so the scheduler waits for it (this is what makes a run
 * repeat for a seed). In paced time (real or x N) it sleeps until the next event is due.
 */
public final class Fleet implements AutoCloseable {
    private final FleetSpec spec;
    private final FleetClock clock;
    private final HostPort port;
    private final SentRecords sent;
    private final List<VirtualBoard> boards = new ArrayList<>();
    private final PriorityQueue<Ev> queue = new PriorityQueue<>();
    private final LinkedBlockingQueue<Arrival> inbox = new LinkedBlockingQueue<>();
    private final Map<Long, Waiting> outstanding = new HashMap<>();
    private long unmatchedResponses;
    private final long start;
    private long order;
    private java.nio.file.Path stateDir;
    private boolean faultsOn = true;
    private long fleetPartitionUntil;
    private long fleetPartitionFrom;
    long dropped;
    long duplicated;
    private long uplinks;
    private long hellos;
    private long retransmissions;
    private long hostTimeouts;
    private long hostWaits;
    private long hostWaitNanos;

    private record Arrival(BoardLink link, byte[] bytes) {
    }

    private record Waiting(long sentNanos, long handedAt, boolean hello, String what) {
    }

    private static final class Ev implements Comparable<Ev> {
        final long time;
        final long order;
        final Runnable task;
        final VirtualBoard wake;

        Ev(long time, long order, Runnable task, VirtualBoard wake) {
            this.time = time;
            this.order = order;
            this.task = task;
            this.wake = wake;
        }

        @Override
        public int compareTo(Ev o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(order, o.order);
        }
    }

    /** Gives a board's pre-shared key, provisioning it when needed. */
    public interface Provisioner {
        /**
         * @param id the device id
         * @param kind meter, pump or wellhead
         * @return the device's PSK
         * @throws IOException when the host refuses or cannot be reached
         */
        byte[] psk(String id, String kind) throws IOException;
    }

    /**
     * Creates the boards (not yet connected).
     *
     * @param mint the issuer whose tokens the boards trust (credit and booking tokens)
     */
    public Fleet(FleetSpec spec, FleetClock clock, HostPort port, TokenMint mint, SentRecords sent) {
        this(spec, clock, port, mint, sent, null, null);
    }

    /**
     * Creates the boards (not yet connected), the pump stations booking through the host.
     *
     * @param mint the issuer whose tokens the boards trust (credit tokens; booking tokens too when
     *     {@code bookings} is null)
     * @param bookings where the pump stations' customers book (the host's booking API), or null
     * @param issuerKeys with {@code bookings}: the keys that sign its tokens, as the pumps' {@code issuer_keys}
     */
    public Fleet(FleetSpec spec, FleetClock clock, HostPort port, TokenMint mint, SentRecords sent, PumpBookings bookings,
            String issuerKeys) {
        spec.check();
        this.spec = spec;
        this.clock = clock;
        this.port = port;
        this.sent = sent;
        this.start = clock.millis();
        int index = 0;
        for (int i = 1; i <= spec.meters; i++) {
            boards.add(new MeterBoard(id("meter", i), index, seed(index), spec, mint));
            index++;
        }
        for (int i = 1; i <= spec.pumps; i++) {
            boards.add(new PumpBoard(id("pump", i), index, seed(index), spec, mint, bookings, issuerKeys));
            index++;
        }
        for (int i = 1; i <= spec.wells; i++) {
            boards.add(new WellBoard(id("well", i), index, seed(index), spec, start));
            index++;
        }
    }

    private String id(String kind, int i) {
        return spec.idPrefix + kind + "-" + String.format("%05d", i);
    }

    private long seed(int index) {
        long x = spec.seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        return x;
    }

    /** @return every board's device id and host kind, in fleet order */
    public Map<String, String> devices() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (VirtualBoard b : boards) {
            m.put(b.id, b.kind());
        }
        return m;
    }

    /**
     * Provisions (through {@code provisioner}) and connects every board, and schedules the boots
     * spread over the spec's boot spread.
     *
     * @throws IOException when provisioning or a socket fails
     */
    public void connect(Provisioner provisioner) throws IOException {
        for (VirtualBoard b : boards) {
            byte[] psk = provisioner.psk(b.id, b.kind());
            BoardLink link = new BoardLink(this, b, seed(b.index) ^ 0x1234);
            link.psk = psk;
            link.connection = port.connect(b.id, psk, link::fromHost);
            b.install(clock, link, stateDir);
            long at = start + (spec.bootSpreadMillis > 0 ? (b.index * 7919L) % spec.bootSpreadMillis : 0);
            at(at, () -> {
                b.boot();
                touched(b);
            });
            scheduleFaults(b);
        }
    }

    private void scheduleFaults(VirtualBoard b) {
        next(b, spec.powerCutsPerDay, () -> {
            if (b.alive) {
                b.armCut();
                at(now() + 600_000L, () -> {
                    if (b.alive && b.cutArmed) {
                        b.cutNow();
                        b.powerCuts--; // counted when armed
                        touched(b);
                    }
                });
            }
        });
        next(b, spec.partitionsPerDay, () -> {
            b.link.partitionedFrom = now();
            b.link.partitionedUntil = now() + 600_000L + b.faults.nextInt(6 * 3_600_000 - 600_000);
        });
        next(b, spec.sensorFaultsPerDay, () -> {
            if (b instanceof MeterBoard m) {
                m.sensorFault(now());
            } else if (b instanceof WellBoard w) {
                w.sensorFault(now());
            }
        });
        next(b, spec.incidentsPerDay, () -> {
            if (b instanceof MeterBoard m) {
                m.incident(now());
            } else if (b instanceof PumpBoard p) {
                p.incident(now());
            } else if (b instanceof WellBoard w) {
                w.incident(now());
            }
        });
        if (b.index == 0) {
            nextFleet(spec.fleetPartitionsPerDay, b);
        }
    }

    /** A Poisson process of {@code perDay} events a day on the board's own generator. */
    private void next(VirtualBoard b, double perDay, Runnable action) {
        if (perDay <= 0) {
            return;
        }
        long gap = (long) (-Math.log(1 - b.faults.nextDouble()) / perDay * 86_400_000L);
        at(now() + Math.max(1, gap), () -> {
            if (!faultsOn) {
                return;
            }
            action.run();
            touched(b);
            next(b, perDay, action);
        });
    }

    private void nextFleet(double perDay, VirtualBoard b) {
        if (perDay <= 0) {
            return;
        }
        long gap = (long) (-Math.log(1 - b.faults.nextDouble()) / perDay * 86_400_000L);
        at(now() + Math.max(1, gap), () -> {
            if (faultsOn) {
                fleetPartitionFrom = now();
                fleetPartitionUntil = now() + 300_000L + b.faults.nextInt(2 * 3_600_000 - 300_000);
                nextFleet(perDay, b);
            }
        });
    }

    // ---- scheduling -------------------------------------------------------------------------------

    long now() {
        return clock.millis();
    }

    FleetSpec spec() {
        return spec;
    }

    boolean faultsOn() {
        return faultsOn;
    }

    boolean partitioned(BoardLink link) {
        return faultsOn && (now() < link.partitionedUntil || now() < fleetPartitionUntil);
    }

    /**
     * Whether the link was cut off at fleet time {@code at} (at or before now): for an answer that
     * left the host then but reaches the scheduler at a moment that depends on real time.
     */
    boolean partitionedAt(BoardLink link, long at) {
        return faultsOn && ((link.partitionedFrom <= at && at < link.partitionedUntil)
                || (fleetPartitionFrom <= at && at < fleetPartitionUntil));
    }

    void at(long time, Runnable task) {
        queue.add(new Ev(Math.max(time, now()), order++, task, null));
    }

    /** After anything happened to a board: reschedule its next turn, or its reboot when it died. */
    void touched(VirtualBoard b) {
        if (!b.alive) {
            if (b.wakeAt != -1) {
                b.wakeAt = -1; // reboot pending
                long off = 30_000L + b.faults.nextInt(600_000);
                at(now() + off, () -> {
                    b.wakeAt = Long.MAX_VALUE;
                    reconnect(b.link);
                    b.boot();
                    touched(b);
                });
            }
            return;
        }
        long t = Math.max(b.nextDue(), now());
        if (t != b.wakeAt) {
            b.wakeAt = t;
            if (t != Long.MAX_VALUE) {
                queue.add(new Ev(t, order++, null, b));
            }
        }
    }

    /**
     * A rebooted board comes back with a new socket (a new source port, as behind a NAT), so the
     * host's duplicate detection does not mistake its fresh message ids for the old life's.
     */
    private void reconnect(BoardLink link) {
        link.connection.close();
        link.recentMids.clear();
        try {
            link.connection = port.connect(link.board.id, link.psk, link::fromHost);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot reconnect " + link.board.id, e);
        }
    }

    /** The port's thread: a datagram from the host for {@code link}'s board. */
    void inbound(BoardLink link, byte[] bytes) {
        inbox.add(new Arrival(link, bytes));
    }

    /** A datagram leaves the network towards the host now; a request is then awaited. */
    void toHost(BoardLink link, byte[] bytes) {
        CoapMessage m = parse(bytes);
        if (m != null && m.type() == CoapType.CON && m.code() >= CoapCode.GET && m.code() <= CoapCode.IPATCH) {
            String path = m.uriPath();
            outstanding.putIfAbsent(key(link, m), new Waiting(System.nanoTime(), now(), path.equals("hello"),
                    link.board.id + " " + path + " mid " + m.messageId() + " token " + Long.toHexString(m.tokenAsLong())));
        }
        link.connection.send(bytes);
    }

    /**
     * A network duplicate of a datagram already handed to the host. Whether the host answers it
     * (again) depends on real time: Californium replays its answer when the first copy's exchange is
     * complete and ignores the copy while it is still in progress. So the copy is neither awaited
     * nor is an answer to it delivered (see {@link #handle}): the run stays the same for a seed.
     */
    void toHostCopy(BoardLink link, byte[] bytes) {
        link.connection.send(bytes);
    }

    private static long key(BoardLink link, CoapMessage m) {
        return ((long) link.index << 40) ^ m.tokenAsLong() ^ ((long) m.tokenLength() << 36);
    }

    private static CoapMessage parse(byte[] bytes) {
        try {
            return CoapDecoder.decode(bytes);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What a board put on the wire: counted and, for {@code up}, noted record by record. */
    void tap(BoardLink link, byte[] bytes) {
        CoapMessage m = parse(bytes);
        if (m == null || m.type() != CoapType.CON || m.code() != CoapCode.POST) {
            return;
        }
        Long mid = ((long) m.messageId() << 48) ^ m.tokenAsLong();
        if (link.recentMids.contains(mid)) {
            retransmissions++;
            return;
        }
        link.recentMids.add(mid);
        if (link.recentMids.size() > 64) {
            Iterator<Long> it = link.recentMids.iterator();
            it.next();
            it.remove();
        }
        String path = m.uriPath();
        if (path.equals("up")) {
            uplinks++;
            sent.batch(link.board.id, m.copyPayload());
        } else if (path.equals("hello")) {
            hellos++;
        }
    }

    private void drainInbox() {
        Arrival a;
        while ((a = inbox.poll()) != null) {
            handle(a);
        }
    }

    private void handle(Arrival a) {
        CoapMessage m = parse(a.bytes());
        if (m != null && m.code() >= 64) {
            a.link().refusedByHost = (m.code() >> 5) == 4;
        }
        Waiting w = m != null && m.code() >= 64 ? outstanding.remove(key(a.link(), m)) : null;
        if (m != null && m.code() >= 64 && w == null) {
            // an answer to a network duplicate (or one the host gave after its timeout): whether it
            // exists depends on real time, so it is dropped unseen and uncounted
            unmatchedResponses++;
            return;
        }
        // an awaited answer leaves the host "at" the moment its request arrived: deterministic
        // (late replays of answers already given are not counted: when they come depends on real time)
        a.link().downlink(a.bytes(), w != null ? w.handedAt() : now(), w != null || m == null || m.code() < 64);
    }

    /**
     * Runs the fleet until fleet time {@code until} or until {@code stop} says so (checked between
     * events and at least every 200 ms of real time).
     *
     * @throws InterruptedException when the thread is interrupted
     */
    public void runUntil(long until, BooleanSupplier stop) throws InterruptedException {
        long timeout = clock.virtual() ? 10_000L : 2_000L;
        while (!stop.getAsBoolean()) {
            drainInbox();
            Ev next = queue.peek();
            long nextTime = next == null ? Long.MAX_VALUE : next.time;
            if (!outstanding.isEmpty() && nextTime > now() && mustWait(nextTime)) {
                long t0 = System.nanoTime();
                hostWaits++;
                while (!outstanding.isEmpty() && mustWait(nextTime) && !stop.getAsBoolean()) {
                    awaitHost(timeout);
                }
                hostWaitNanos += System.nanoTime() - t0;
                continue;
            }
            if (nextTime > until) {
                if (!clock.virtual()) {
                    long wait = clock.nanosUntil(until);
                    if (wait > 0) {
                        waitInbox(Math.min(wait, 200_000_000L));
                        continue;
                    }
                }
                clock.advanceTo(until);
                return;
            }
            long wait = clock.nanosUntil(nextTime);
            if (wait > 0) {
                waitInbox(Math.min(wait, 200_000_000L));
                continue;
            }
            queue.poll();
            clock.advanceTo(nextTime);
            run(next);
        }
    }

    private void run(Ev e) {
        if (e.wake != null) {
            VirtualBoard b = e.wake;
            if (b.wakeAt != e.time) {
                return;
            }
            b.wakeAt = Long.MAX_VALUE;
            b.turn();
            touched(b);
        } else {
            e.task.run();
        }
    }

    /**
     * Conservative lookahead: an answer cannot reach a board sooner than one latency after its
     * request reached the host, so events before that may run while the host works. A hello is
     * waited for at once (the host reads the fleet clock for its answer, which must not have moved).
     */
    private boolean mustWait(long nextTime) {
        for (Waiting w : outstanding.values()) {
            if (w.hello() || nextTime >= w.handedAt() + spec.latencyMillis) {
                return true;
            }
        }
        return false;
    }

    private void awaitHost(long timeoutMillis) throws InterruptedException {
        long pausedAt = System.nanoTime();
        Arrival a = inbox.poll(50, TimeUnit.MILLISECONDS);
        if (a != null) {
            handle(a);
        } else {
            long limit = System.nanoTime() - timeoutMillis * 1_000_000L;
            outstanding.values().removeIf(w -> {
                if (w.sentNanos() < limit) {
                    hostTimeouts++;
                    Logger.warn("the host did not answer in {} s: {}", timeoutMillis / 1000, w.what());
                    return true;
                }
                return false;
            });
        }
        if (!clock.virtual()) {
            clock.rebaseAfterPause(System.nanoTime() - pausedAt);
        }
    }

    private void waitInbox(long nanos) throws InterruptedException {
        Arrival a = inbox.poll(nanos, TimeUnit.NANOSECONDS);
        if (a != null) {
            handle(a);
        }
    }

    /**
     * The quiet end of a run: every fault stops, dead boards come back, meters' loads go off (so
     * their last balance stands still), and the fleet runs until every journal is acknowledged and
     * every meter has reported its balance since, or {@code maxMillis} of fleet time passed.
     *
     * @return boards whose journals still hold records
     * @throws InterruptedException when interrupted
     */
    public int drain(long maxMillis, BooleanSupplier stop) throws InterruptedException {
        faultsOn = false;
        fleetPartitionUntil = 0;
        for (VirtualBoard b : boards) {
            b.quiesce();
            b.link.partitionedUntil = 0;
            if (b instanceof MeterBoard m) {
                m.switchOff();
            }
            if (b.alive && b.cutArmed) {
                b.storage.cutPowerAfter(-1);
                b.cutArmed = false;
            }
        }
        long quietFrom = now();
        long minQuiet = Math.max(spec.meterTelemetryMillis, spec.reportIntervalMillis) + spec.reportIntervalMillis + 60_000L;
        long end = now() + maxMillis;
        while (now() < end && !stop.getAsBoolean()) {
            runUntil(Math.min(end, now() + 60_000L), stop);
            if (now() - quietFrom >= minQuiet && notDrained() == 0) {
                break;
            }
        }
        for (VirtualBoard b : boards) {
            if (b.unacked() > 0 && !b.link.refusedByHost) {
                Logger.warn("not drained: {} ({}) alive={} unacked={}", b.id, b.kind(), b.alive, b.unacked());
            }
        }
        return notDrained();
    }

    private int notDrained() {
        int n = 0;
        for (VirtualBoard b : boards) {
            if (b.unacked() > 0 && !b.link.refusedByHost) {
                n++;
            }
        }
        return n;
    }

    /** Fills in the fleet's side of the report: counts, and the money as the meters hold it. */
    public void report(FleetReport r) {
        r.devices = boards.size();
        r.meters = spec.meters;
        r.pumps = spec.pumps;
        r.wells = spec.wells;
        r.seed = spec.seed;
        r.transport = port.describe();
        r.simulatedDays = (now() - start) / 86_400_000.0;
        r.uplinks = uplinks;
        r.hellos = hellos;
        r.retransmissions = retransmissions;
        r.hostTimeouts = hostTimeouts;
        r.datagramsDropped = dropped;
        r.datagramsDuplicated = duplicated;
        long cuts = 0;
        long boots = 0;
        for (VirtualBoard b : boards) {
            cuts += b.powerCuts;
            boots += b.boots;
        }
        r.powerCuts = cuts;
        r.boots = boots;
    }

    /** @return what the customers did at each pump station, in fleet order */
    public List<StationLog> stations() {
        List<StationLog> out = new ArrayList<>();
        for (VirtualBoard b : boards) {
            if (b instanceof PumpBoard p) {
                out.add(p.log);
            }
        }
        return out;
    }

    /** A meter's money as the device holds it. */
    public record MeterMoney(String id, boolean running, boolean balanced, long creditIn, long charges, long balance) {
    }

    /** @return the money of every meter, as its device holds it now */
    public List<MeterMoney> meterMoney() {
        List<MeterMoney> out = new ArrayList<>();
        for (VirtualBoard b : boards) {
            if (b instanceof MeterBoard m) {
                PrepaidLedger l = m.ledger();
                out.add(l == null ? new MeterMoney(m.id, false, false, 0, 0, 0)
                        : new MeterMoney(m.id, true, l.isBalanced(), l.creditIn(), l.charges(), l.balance()));
            }
        }
        return out;
    }

    /**
     * Keeps the boards' storage in {@code dir}: loaded at {@link #connect} when present, saved by
     * {@link #saveState()} (so a second demo run continues the same journals and sequence numbers).
     */
    public void keepStateIn(java.nio.file.Path dir) {
        this.stateDir = dir;
    }

    /** Saves every board's storage into the state directory (boards are stopped: call after running). */
    public void saveState() throws IOException {
        if (stateDir == null) {
            return;
        }
        for (VirtualBoard b : boards) {
            b.save(stateDir);
        }
    }

    /** @return fleet time at the start */
    public long start() {
        return start;
    }

    @Override
    public void close() {
        for (VirtualBoard b : boards) {
            if (b.link != null && b.link.connection != null) {
                b.link.connection.close();
            }
        }
        Logger.info("fleet closed: {} boards; waited for the host {} times, {} s in all", boards.size(), hostWaits,
                hostWaitNanos / 1_000_000_000L);
    }
}
