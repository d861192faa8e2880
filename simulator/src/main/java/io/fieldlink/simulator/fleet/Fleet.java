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
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.tinylog.Logger;

/**
 * The fleet: every virtual board on one discrete-event scheduler (one thread, however many boards).
 * Events are board turns (when a board's own event loop has something due), datagrams arriving
 * after their latency, boots, power cuts, partitions and physics incidents; each but the fleet-wide
 * partitions belongs to one board. The host answers in real time, so a board whose request is with
 * the host cannot go past the earliest moment the answer could reach it (one latency after the
 * request reached the host): this is what makes a run repeat for a seed.
 *
 * <p>In virtual time only that board waits: its later events are held back ("parked") while the
 * other boards run on, up to {@link FleetSpec#lookaheadMillis} beyond the oldest request the host
 * still has, so the host gets many boards' requests at once (one durable commit carries them all)
 * instead of one board's at a time. Boards share nothing but the host, so a board's events still run
 * in its own time order, and what it sees does not depend on how fast the host answered. A hello
 * stops the whole fleet until answered (the host's answer carries its clock), except for what
 * happens at that same instant (the rest of a cohort of boards booting together says hello with it).
 * In paced time (real or x N) the scheduler sleeps until the next event is due and the whole fleet
 * waits for the host.
 */
public final class Fleet implements AutoCloseable {
    private final FleetSpec spec;
    private final FleetClock clock;
    private final HostPort port;
    private final SentRecords sent;
    /** The working memory every board on this (the scheduler's) thread borrows for its exchanges. */
    final io.fieldlink.protocol.memory.BufferPool buffers = new io.fieldlink.protocol.memory.BufferPool();
    private final List<VirtualBoard> boards = new ArrayList<>();
    private final PriorityQueue<Ev> queue = new PriorityQueue<>();
    private final LinkedBlockingQueue<Arrival> inbox = new LinkedBlockingQueue<>();
    private final Map<Long, Waiting> outstanding = new HashMap<>();
    /** How many outstanding requests reached the host at each fleet time (the oldest bounds the run-ahead). */
    private final TreeMap<Long, Integer> handed = new TreeMap<>();
    private final List<long[]> fleetPartitions = new ArrayList<>();
    /**
     * Copies of a request (network duplicates) that reached the host while the first was still with it:
     * when they reached it, so the host's second answer leaves "then", whenever it really comes.
     */
    private final Map<Long, java.util.ArrayDeque<Long>> copiesHanded = new HashMap<>();
    private final Random fleetFaults;
    private int hellosWaiting;
    /** The fleet time of the hellos with the host (they all reached it at that same instant). */
    private long helloInstant;
    private long unmatchedResponses;
    private final long start;
    private long order;
    private java.nio.file.Path stateDir;
    private long faultsOffAt = Long.MAX_VALUE;
    long dropped;
    long duplicated;
    private long uplinks;
    private long hellos;
    private long retransmissions;
    private long hostTimeouts;
    private long hostWaits;
    private long hostWaitNanos;
    private long hostWaitOutstanding;
    private long parkedEvents;
    private Runnable onHostWait = () -> { };
    private boolean trimFlash = true;

    private record Arrival(BoardLink link, byte[] bytes) {
    }

    private record Waiting(BoardLink link, long sentNanos, long handedAt, boolean hello, String what) {
    }

    static final class Ev implements Comparable<Ev> {
        final long time;
        final long order;
        final Runnable task;
        final VirtualBoard wake;
        /** The board the event belongs to, or null for a fleet-wide one. */
        final VirtualBoard owner;

        Ev(long time, long order, Runnable task, VirtualBoard wake, VirtualBoard owner) {
            this.time = time;
            this.order = order;
            this.task = task;
            this.wake = wake;
            this.owner = owner;
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

        /**
         * Every board's PSK at once (the host's bulk provisioning); by default one {@link #psk} call per board.
         *
         * @param kinds device id to kind, in fleet order
         * @return device id to PSK, for every id of {@code kinds}
         * @throws IOException when the host refuses or cannot be reached
         */
        default Map<String, byte[]> psks(Map<String, String> kinds) throws IOException {
            Map<String, byte[]> out = new HashMap<>();
            for (Map.Entry<String, String> e : kinds.entrySet()) {
                out.put(e.getKey(), psk(e.getKey(), e.getValue()));
            }
            return out;
        }
    }

    /**
     * Creates the boards (not yet connected).
     *
     * @param mint the issuer whose tokens the boards trust (credit and booking tokens)
     * @param sent where what the boards send is noted for the report, or null to note nothing
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
        this.fleetFaults = new Random(spec.seed * 0x2545F4914F6CDD1DL + 0x632BE59BD9B4E019L);
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
        Map<String, byte[]> psks = provisioner.psks(devices());
        for (VirtualBoard b : boards) {
            byte[] psk = psks.get(b.id);
            if (psk == null) {
                throw new IOException("the provisioner gave no PSK for " + b.id);
            }
            connect(b, psk);
        }
    }

    private void connect(VirtualBoard b, byte[] psk) throws IOException {
        BoardLink link = new BoardLink(this, b, seed(b.index) ^ 0x1234);
        link.psk = psk;
        link.connection = port.connect(b.id, psk, link::fromHost);
        b.install(clock, link, stateDir);
        // boards boot in 100 ms cohorts (as when a feeder's power comes back), so hellos reach the host together
        long at = start + (spec.bootSpreadMillis > 0 ? (b.index * 7919L) % spec.bootSpreadMillis / 100 * 100 : 0);
        at(at, b, () -> {
            b.boot();
            touched(b);
        });
        scheduleFaults(b);
    }

    private void scheduleFaults(VirtualBoard b) {
        next(b, spec.powerCutsPerDay, () -> {
            if (b.alive) {
                b.armCut();
                at(now() + 600_000L, b, () -> {
                    if (b.alive && b.cutArmed) {
                        b.cutNow();
                        b.powerCuts--; // counted when armed
                        touched(b);
                    }
                });
            }
        });
        next(b, spec.partitionsPerDay, () -> b.link.partitionedUntil = now() + 600_000L + b.faults.nextInt(6 * 3_600_000 - 600_000));
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
            nextFleet(spec.fleetPartitionsPerDay);
        }
    }

    /** A Poisson process of {@code perDay} events a day on the board's own generator. */
    private void next(VirtualBoard b, double perDay, Runnable action) {
        if (perDay <= 0) {
            return;
        }
        long gap = (long) (-Math.log(1 - b.faults.nextDouble()) / perDay * 86_400_000L);
        at(now() + Math.max(1, gap), b, () -> {
            if (!faultsOn(now())) {
                return;
            }
            action.run();
            touched(b);
            next(b, perDay, action);
        });
    }

    /** Fleet-wide partitions: kept as intervals, since a board held back asks about its own (earlier) time. */
    private void nextFleet(double perDay) {
        if (perDay <= 0) {
            return;
        }
        long gap = (long) (-Math.log(1 - fleetFaults.nextDouble()) / perDay * 86_400_000L);
        at(now() + Math.max(1, gap), null, () -> {
            if (faultsOn(now())) {
                fleetPartitions.add(new long[] {now(), now() + 300_000L + fleetFaults.nextInt(2 * 3_600_000 - 300_000)});
                nextFleet(perDay);
            }
        });
    }

    // ---- scheduling -------------------------------------------------------------------------------

    /** @return the time of the event being run (a board's own time while one of its events runs) */
    long now() {
        return clock.millis();
    }

    FleetSpec spec() {
        return spec;
    }

    /** @return whether faults strike at fleet time {@code t} (they stop when the drain starts) */
    boolean faultsOn(long t) {
        return t < faultsOffAt;
    }

    /** @return whether {@code link}'s board is cut off from the host at its time {@code t} */
    boolean partitioned(BoardLink link, long t) {
        if (!faultsOn(t)) {
            return false;
        }
        if (t < link.partitionedUntil) {
            return true;
        }
        for (int i = fleetPartitions.size() - 1; i >= 0; i--) {
            long[] p = fleetPartitions.get(i);
            if (t >= p[0] && t < p[1]) {
                return true;
            }
        }
        return false;
    }

    /** Schedules {@code task} at {@code time}, for {@code owner}'s board (null: fleet-wide). */
    void at(long time, VirtualBoard owner, Runnable task) {
        long floor = owner != null ? owner.localTime : clock.frontier();
        queue.add(new Ev(Math.max(time, floor), order++, task, null, owner));
    }

    /** After anything happened to a board: reschedule its next turn, or its reboot when it died. */
    void touched(VirtualBoard b) {
        if (trimFlash) {
            b.trimFlash();
        }
        if (!b.alive) {
            if (b.wakeAt != -1) {
                b.wakeAt = -1; // reboot pending
                long off = 30_000L + b.faults.nextInt(600_000);
                at(now() + off, b, () -> {
                    b.wakeAt = Long.MAX_VALUE;
                    reconnect(b.link);
                    b.boot();
                    touched(b);
                });
            }
            return;
        }
        long t = Math.max(b.nextDue(), b.localTime);
        if (t != b.wakeAt) {
            b.wakeAt = t;
            if (t != Long.MAX_VALUE) {
                queue.add(new Ev(t, order++, null, b, b));
            }
        }
    }

    /**
     * A rebooted board comes back with a new socket (a new source port, as behind a NAT), so the
     * host's duplicate detection does not mistake its fresh message ids for the old life's.
     */
    private void reconnect(BoardLink link) {
        link.connection.close();
        link.forgetMids();
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
            long key = key(link, m);
            if (outstanding.containsKey(key)) {
                if (copiesHanded.size() > 100_000) {
                    copiesHanded.clear(); // copies the host never answered (it may drop them): forget
                }
                copiesHanded.computeIfAbsent(key, k -> new java.util.ArrayDeque<>(2)).add(now());
            } else {
                Waiting w = new Waiting(link, System.nanoTime(), now(), path.equals("hello"),
                        link.board.id + " " + path + " mid " + m.messageId() + " token " + Long.toHexString(m.tokenAsLong()));
                outstanding.put(key, w);
                handed.merge(w.handedAt(), 1, Integer::sum);
                link.waiting(w.handedAt());
                if (w.hello()) {
                    hellosWaiting++;
                    helloInstant = w.handedAt();
                    clock.helloAt(w.handedAt());
                }
            }
        }
        link.connection.send(bytes);
    }

    /** The host answered (or gave up on) {@code w}: the board may run on past it. */
    private void resolved(Waiting w) {
        handed.computeIfPresent(w.handedAt(), (k, n) -> n == 1 ? null : n - 1);
        if (w.hello() && --hellosWaiting == 0) {
            clock.helloAt(Long.MIN_VALUE);
        }
        List<Ev> released = w.link().answered(w.handedAt());
        if (released != null) {
            queue.addAll(released);
        }
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
        long mid = ((long) m.messageId() << 48) ^ m.tokenAsLong();
        if (link.repeatedMid(mid)) {
            retransmissions++;
            return;
        }
        String path = m.uriPath();
        if (path.equals("up")) {
            uplinks++;
            if (sent != null) {
                sent.batch(link.board.id, m.copyPayload());
            }
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
        boolean response = m != null && m.code() >= 64;
        long key = response ? key(a.link(), m) : 0;
        Waiting w = response ? outstanding.remove(key) : null;
        Long copyAt = null;
        if (response && w == null) {
            java.util.ArrayDeque<Long> copies = copiesHanded.get(key);
            copyAt = copies == null ? null : copies.poll();
            if (copies != null && copies.isEmpty()) {
                copiesHanded.remove(key);
            }
            if (copyAt == null) {
                unmatchedResponses++;
            }
        }
        // an awaited answer leaves the host "at" the moment its request arrived: deterministic
        // (late replays of answers already given are not counted: when they come depends on real time)
        long leftAt = w != null ? w.handedAt() : copyAt != null ? copyAt
                : Math.max(clock.frontier(), a.link().board.localTime);
        a.link().downlink(a.bytes(), leftAt, w != null || copyAt != null || !response);
        if (w != null) {
            resolved(w);
        }
    }

    /**
     * Runs the fleet until fleet time {@code until} or until {@code stop} says so (checked between
     * events and at least every 200 ms of real time). On return every board has run all its events
     * before {@code until} (no board is left behind).
     *
     * @throws InterruptedException when the thread is interrupted
     */
    public void runUntil(long until, BooleanSupplier stop) throws InterruptedException {
        if (clock.virtual()) {
            runVirtual(until, stop);
        } else {
            runPaced(until, stop);
        }
    }

    private void runVirtual(long until, BooleanSupplier stop) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            drainInbox();
            Ev next = queue.peek();
            long nextTime = next == null ? Long.MAX_VALUE : next.time;
            if (hellosWaiting > 0 && nextTime != helloInstant) {
                // the host's clock reads the hellos' instant: only what happens at that very instant
                // (other boards' hellos of the same cohort) may go to the host with them
                waitForHost(stop, () -> hellosWaiting > 0);
                continue;
            }
            long oldest = handed.isEmpty() ? Long.MAX_VALUE : handed.firstKey() + spec.latencyMillis;
            if (nextTime > until) {
                if (oldest <= until) {
                    waitForHost(stop, () -> !handed.isEmpty() && handed.firstKey() + spec.latencyMillis <= until
                            && inbox.isEmpty());
                    continue;
                }
                clock.advanceTo(until);
                clock.runAt(until);
                return;
            }
            if (oldest != Long.MAX_VALUE && nextTime > oldest + spec.lookaheadMillis) {
                waitForHost(stop, () -> !handed.isEmpty() && nextTime > handed.firstKey() + spec.latencyMillis
                        + spec.lookaheadMillis && inbox.isEmpty());
                continue;
            }
            queue.poll();
            VirtualBoard owner = next.owner;
            if (owner != null && owner.link != null && owner.link.heldBack(next)) {
                parkedEvents++;
                continue;
            }
            clock.runAt(nextTime);
            if (owner != null) {
                owner.localTime = nextTime;
            }
            run(next);
        }
    }

    /** Waits for the host's answers while {@code blocked} holds (or until timeouts release them). */
    private void waitForHost(BooleanSupplier stop, BooleanSupplier blocked) throws InterruptedException {
        long t0 = System.nanoTime();
        hostWaits++;
        hostWaitOutstanding += outstanding.size();
        onHostWait.run();
        while (blocked.getAsBoolean() && !stop.getAsBoolean()) {
            if (awaitHost(10_000L)) {
                break; // an answer may have released held-back events: look again
            }
        }
        hostWaitNanos += System.nanoTime() - t0;
    }

    private void runPaced(long until, BooleanSupplier stop) throws InterruptedException {
        long timeout = 2_000L;
        while (!stop.getAsBoolean()) {
            drainInbox();
            Ev next = queue.peek();
            long nextTime = next == null ? Long.MAX_VALUE : next.time;
            if (!outstanding.isEmpty() && nextTime > now() && mustWait(nextTime)) {
                long t0 = System.nanoTime();
                hostWaits++;
                hostWaitOutstanding += outstanding.size();
                while (!outstanding.isEmpty() && mustWait(nextTime) && !stop.getAsBoolean()) {
                    awaitHost(timeout);
                }
                hostWaitNanos += System.nanoTime() - t0;
                continue;
            }
            if (nextTime > until) {
                long wait = clock.nanosUntil(until);
                if (wait > 0) {
                    waitInbox(Math.min(wait, 200_000_000L));
                    continue;
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
            if (next.owner != null) {
                next.owner.localTime = nextTime;
            }
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
     * Paced time's conservative lookahead: an answer cannot reach a board sooner than one latency
     * after its request reached the host, so events before that may run while the host works. A
     * hello is waited for at once (the host reads the fleet clock for its answer, which must not
     * have moved).
     */
    private boolean mustWait(long nextTime) {
        for (Waiting w : outstanding.values()) {
            if (w.hello() || nextTime >= w.handedAt() + spec.latencyMillis) {
                return true;
            }
        }
        return false;
    }

    /** @return true when an answer came (or a request was given up) */
    private boolean awaitHost(long timeoutMillis) throws InterruptedException {
        long pausedAt = System.nanoTime();
        Arrival a = inbox.poll(50, TimeUnit.MILLISECONDS);
        boolean any = a != null;
        if (a != null) {
            handle(a);
        } else {
            long limit = System.nanoTime() - timeoutMillis * 1_000_000L;
            List<Waiting> gaveUp = new ArrayList<>();
            outstanding.values().removeIf(w -> {
                if (w.sentNanos() < limit) {
                    hostTimeouts++;
                    Logger.warn("the host did not answer in {} s: {}", timeoutMillis / 1000, w.what());
                    gaveUp.add(w);
                    return true;
                }
                return false;
            });
            gaveUp.forEach(this::resolved);
            any = !gaveUp.isEmpty();
        }
        if (!clock.virtual()) {
            clock.rebaseAfterPause(System.nanoTime() - pausedAt);
        }
        return any;
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
        faultsOffAt = now();
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

    /** @return exchanges in flight on the running boards (each holds wire bytes borrowed from {@link #buffers}) */
    int exchangesInFlight() {
        int n = 0;
        for (VirtualBoard b : boards) {
            n += b.exchangesInFlight();
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

    /** @param on false keeps every flash page a board ever wrote (tests compare the two) */
    void trimFlash(boolean on) {
        this.trimFlash = on;
    }

    /** @param r run whenever the scheduler has nothing left to do but wait for the host (tests) */
    void onHostWait(Runnable r) {
        this.onHostWait = r;
    }

    /** @return how often the scheduler waited for the host, and the requests with it summed over those waits */
    long[] hostWaitCounts() {
        return new long[] {hostWaits, hostWaitOutstanding};
    }

    /** @return bytes of emulated flash the boards hold (pages written so far) */
    public long flashBytes() {
        long n = 0;
        for (VirtualBoard b : boards) {
            n += b.storage.allocatedBytes();
        }
        return n;
    }

    /** @return up exchanges the boards started so far (retransmissions not counted) */
    public long uplinks() {
        return uplinks;
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
        Logger.info("fleet closed: {} boards; waited for the host {} times ({} requests with it on average), {} s in all; "
                + "{} board events held back behind their board's request", boards.size(), hostWaits,
                hostWaits == 0 ? 0 : hostWaitOutstanding / hostWaits, hostWaitNanos / 1_000_000_000L, parkedEvents);
    }
}
