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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.tinylog.Logger;

/**
 * The fleet: every virtual board on a discrete-event scheduler. Events are board turns (when a
 * board's own event loop has something due), datagrams arriving after their latency, boots, power
 * cuts and partitions and physics incidents; each belongs to one board. The host answers in real
 * time, so a board whose request is with the host cannot go past the earliest moment the answer
 * could reach it (one latency after the request reached the host): this is what makes a run repeat
 * for a seed.
 *
 * <p>In virtual time only that board waits: its later events are held back ("parked") while the
 * other boards run on, up to {@link FleetSpec#lookaheadMillis} beyond the oldest request the host
 * still has, so the host gets many boards' requests at once (one durable commit carries them all)
 * instead of one board's at a time. Boards share nothing but the host, so a board's events still run
 * in its own time order, and what it sees does not depend on how fast the host answered. A hello
 * stops the whole fleet until answered (the host's answer carries its clock), except for what
 * happens at that same instant (the rest of a cohort of boards booting together says hello with it).
 *
 * <p>In virtual time the boards are split into {@link FleetSpec#threads} shards, each with its own
 * event queue on its own thread. A shard runs its boards' events in time order up to a horizon all
 * shards share: the look-ahead beyond the oldest request any shard has with the host (every shard
 * publishes its {@link Shard#floor}), and never more than {@link #SHARD_SLACK_MILLIS} plus the
 * look-ahead beyond the slowest shard; the host's clock then reads the furthest time every shard
 * has reached (with one shard: the furthest it has reached, as always). Nothing a board sees depends on the
 * other shards: a board's events, its network faults (its link's generators), its household and its
 * tokens are its own, the fleet-wide partitions are drawn from the seed alone ({@link FleetPartitions}),
 * and a hello is handed to the host only when no hello of another instant is with it, so the host's
 * clock reads that hello's instant while it answers. One shard gives exactly the single-threaded run.
 *
 * <p>Copies of a request that reach the host while the first is still with it (network duplicates,
 * the board's retransmissions) are awaited like the first, but handed over only once the host has
 * answered the first: the host then answers each with a replay, whatever its timing, so every run of
 * a seed has the same datagrams coming back (and dropped, duplicated or delivered the same way).
 *
 * <p>In paced time (real or x N) one shard runs every board: the scheduler sleeps until the next
 * event is due and fleet time stays on the real clock: the fleet as a whole never stops for the host.
 * A board whose request is with the host still has its own later events held back while every other
 * board runs on; its answer leaves the host when it really arrives (a hello's answer sets only that
 * board's clock), and a board whose request got no answer in {@link #PACED_GIVE_UP_MILLIS} runs on
 * (a later answer is delivered when it comes). Events then run late only when the scheduler's thread
 * falls behind or a board was held back: {@link #lateness()}.
 */
public final class Fleet implements AutoCloseable {
    private final FleetSpec spec;
    private final FleetClock clock;
    private final HostPort port;
    private final SentRecords sent;
    private final List<VirtualBoard> boards = new ArrayList<>();
    /** The scheduler threads' parts of the fleet (one in paced time). */
    private final Shard[] shards;
    /** The working memory the boards of the first (in paced time: the only) shard borrow for their exchanges. */
    final io.fieldlink.protocol.memory.BufferPool buffers;
    private final FleetPartitions fleetPartitions;
    /** Guards the hellos with the host (any shard's). */
    private final Object helloGate = new Object();
    private volatile int hellosWaiting;
    /** The fleet time of the hellos with the host (they all reached it at that same instant). */
    private volatile long helloInstant;
    private final long start;
    private java.nio.file.Path stateDir;
    private volatile long faultsOffAt = Long.MAX_VALUE;
    private Runnable onHostWait = () -> { };
    private boolean trimFlash = true;
    /** Paced time: real ms after which a board whose request got no answer runs on. */
    static final long PACED_GIVE_UP_MILLIS = 2_000L;
    private long pacedGiveUpMillis = PACED_GIVE_UP_MILLIS;
    private long lastGiveUpCheck;
    private boolean pacingStarted;
    /** Paced time: how late events ran against the real clock (not held back: the scheduler's own lag). */
    private final Lateness lateness = new Lateness();
    /** Paced time: the same for events held back behind their board's request (they wait for the host). */
    private final Lateness heldLateness = new Lateness();
    private Pause pause = (inbox, nanos) -> inbox.poll(nanos, TimeUnit.NANOSECONDS);
    private java.util.function.Consumer<String> progress;
    private long progressEveryNanos;
    private long nextProgressNanos;
    private long uplinksAtProgress;
    /** Threads for the shards after the first (which runs on the caller's thread); made at the first run. */
    private java.util.concurrent.ExecutorService shardThreads;
    /** Set when a shard failed: the others stop instead of waiting for it. */
    private volatile boolean failed;
    /** The running shards' stop (a shard waiting for another's hello gives up when the run stops). */
    private volatile BooleanSupplier halt = () -> false;

    record Arrival(BoardLink link, byte[] bytes) {
    }

    /** Put in a shard's inbox to wake it (another shard got on, or the hellos were answered). */
    private static final Arrival WAKE = new Arrival(null, new byte[0]);

    /** How the scheduler waits for the host's datagrams (tests replace real waiting with a fake clock). */
    interface Pause {
        /** @return the next datagram from the host within {@code nanos} of real time, or null */
        Arrival poll(LinkedBlockingQueue<Arrival> inbox, long nanos) throws InterruptedException;
    }

    /** A request with the host (the first of its exchange, or a copy of it). */
    static final class Waiting {
        final BoardLink link;
        final HostPort.Connection connection;
        final long handedAt;
        final boolean hello;
        final boolean first;
        final String what;
        /** A copy's datagram, kept until the host has answered the first (null once handed over). */
        byte[] held;
        long sentNanos;

        Waiting(BoardLink link, long handedAt, boolean hello, boolean first, String what) {
            this.link = link;
            this.connection = link.connection;
            this.handedAt = handedAt;
            this.hello = hello;
            this.first = first;
            this.what = what;
        }

        long handedAt() {
            return handedAt;
        }

        boolean hello() {
            return hello;
        }

        String what() {
            return what;
        }

        BoardLink link() {
            return link;
        }
    }

    static final class Ev implements Comparable<Ev> {
        final long time;
        final long order;
        final Runnable task;
        final VirtualBoard wake;
        /** The board the event belongs to. */
        final VirtualBoard owner;
        /** Held back behind its board's request at least once. */
        boolean held;

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
        this.fleetPartitions = new FleetPartitions(spec.seed, spec.fleetPartitionsPerDay, start);
        int n = clock.virtual() ? Math.max(1, Math.min(spec.threads, spec.boards())) : 1;
        this.shards = new Shard[n];
        for (int i = 0; i < n; i++) {
            shards[i] = new Shard(i, start);
        }
        this.buffers = shards[0].buffers;
        if (n > 1) {
            clock.hostFollows(this::slowestProgress);
        }
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
        for (VirtualBoard b : boards) {
            b.shard = shards[b.index % shards.length];
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
                at(now(b) + 600_000L, b, () -> {
                    if (b.alive && b.cutArmed) {
                        b.cutNow();
                        b.powerCuts--; // counted when armed
                        touched(b);
                    }
                });
            }
        });
        next(b, spec.partitionsPerDay, () -> b.link.partitionedUntil = now(b) + 600_000L + b.faults.nextInt(6 * 3_600_000 - 600_000));
        next(b, spec.sensorFaultsPerDay, () -> {
            if (b instanceof MeterBoard m) {
                m.sensorFault(now(b));
            } else if (b instanceof WellBoard w) {
                w.sensorFault(now(b));
            }
        });
        next(b, spec.incidentsPerDay, () -> {
            if (b instanceof MeterBoard m) {
                m.incident(now(b));
            } else if (b instanceof PumpBoard p) {
                p.incident(now(b));
            } else if (b instanceof WellBoard w) {
                w.incident(now(b));
            }
        });
    }

    /** A Poisson process of {@code perDay} events a day on the board's own generator. */
    private void next(VirtualBoard b, double perDay, Runnable action) {
        if (perDay <= 0) {
            return;
        }
        long gap = (long) (-Math.log(1 - b.faults.nextDouble()) / perDay * 86_400_000L);
        at(now(b) + Math.max(1, gap), b, () -> {
            if (!faultsOn(now(b))) {
                return;
            }
            action.run();
            touched(b);
            next(b, perDay, action);
        });
    }

    // ---- scheduling -------------------------------------------------------------------------------

    /** @return the fleet's time between runs (every shard has run up to it) */
    long now() {
        return clock.millis();
    }

    /** @return {@code b}'s time: the time of the event being run on its shard */
    static long now(VirtualBoard b) {
        return b.shard.now;
    }

    FleetSpec spec() {
        return spec;
    }

    /** @return the scheduler threads the boards run on (1 in paced time) */
    public int threads() {
        return shards.length;
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
        return fleetPartitions.covers(t);
    }

    /** Schedules {@code task} at {@code time} for {@code owner}'s board (never before the board's own time). */
    void at(long time, VirtualBoard owner, Runnable task) {
        Shard s = owner.shard;
        s.queue.add(new Ev(Math.max(time, owner.localTime), s.order++, task, null, owner));
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
                at(now(b) + off, b, () -> {
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
                Shard s = b.shard;
                s.queue.add(new Ev(t, s.order++, null, b, b));
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
        link.board.shard.inbox.add(new Arrival(link, bytes));
    }

    /**
     * A datagram leaves the network towards the host now; a request is then awaited. A copy of a
     * request whose first the host has not answered yet is held until it has (see the class comment).
     *
     * @param networkCopy a duplicate the network made (never a hello of its own: its answer is a replay)
     */
    void toHost(BoardLink link, byte[] bytes, boolean networkCopy) {
        CoapMessage m = parse(bytes);
        if (m != null && m.type() == CoapType.CON && m.code() >= CoapCode.GET && m.code() <= CoapCode.IPATCH) {
            Shard s = link.board.shard;
            String path = m.uriPath();
            long key = key(link, m);
            java.util.ArrayDeque<Waiting> exchange = s.outstanding.get(key);
            boolean first = exchange == null;
            Waiting w = new Waiting(link, s.now, first && !networkCopy && path.equals("hello"), first,
                    link.board.id + " " + path + " mid " + m.messageId() + " token " + Long.toHexString(m.tokenAsLong()));
            if (w.hello()) {
                helloWithHost(w.handedAt());
            }
            if (first) {
                exchange = new java.util.ArrayDeque<>(2);
                s.outstanding.put(key, exchange);
            }
            exchange.add(w);
            s.withHost++;
            s.handed.merge(w.handedAt(), 1, Integer::sum);
            link.waiting(w.handedAt());
            if (!first && exchange.peekFirst().first) {
                w.held = bytes; // the host has not answered the first yet: it would drop this copy
                return;
            }
            w.sentNanos = clock.nanoTime();
        }
        link.connection.send(bytes);
    }

    /**
     * A hello reaches the host at {@code t}. In virtual time the host's clock then reads {@code t}
     * until every hello with it is answered; a hello of another instant (another shard's, which got
     * there first) is waited for first, so the clock never has two instants to read.
     */
    private void helloWithHost(long t) {
        synchronized (helloGate) {
            if (clock.virtual()) {
                while (hellosWaiting > 0 && helloInstant != t && !failed && !halt.getAsBoolean()) {
                    try {
                        helloGate.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while another shard's hello was with the host", e);
                    }
                }
                helloInstant = t;
                clock.helloAt(t);
            }
            hellosWaiting++;
        }
    }

    /** A hello was answered (or given up on). */
    private void helloAnswered() {
        boolean none;
        synchronized (helloGate) {
            none = --hellosWaiting == 0;
            if (none) {
                clock.helloAt(Long.MIN_VALUE);
                helloGate.notifyAll();
            }
        }
        if (none && shards.length > 1) {
            for (Shard o : shards) {
                o.inbox.offer(WAKE); // shards stopped for the hellos run on
            }
        }
    }

    /** The first of {@code exchange} is answered (or given up): its held copies go to the host now. */
    private void handOver(java.util.ArrayDeque<Waiting> exchange) {
        for (Waiting c : exchange) {
            if (c.held != null) {
                byte[] bytes = c.held;
                c.held = null;
                c.sentNanos = clock.nanoTime();
                c.connection.send(bytes);
            }
        }
    }

    /** The host answered (or gave up on) {@code w}: the board may run on past it. */
    private void resolved(Shard s, Waiting w) {
        s.withHost--;
        s.handed.computeIfPresent(w.handedAt(), (k, n) -> n == 1 ? null : n - 1);
        if (w.hello()) {
            helloAnswered();
        }
        List<Ev> released = w.link().answered(w.handedAt());
        if (released != null) {
            s.queue.addAll(released);
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
        Shard s = link.board.shard;
        long mid = ((long) m.messageId() << 48) ^ m.tokenAsLong();
        if (link.repeatedMid(mid)) {
            s.retransmissions++;
            return;
        }
        String path = m.uriPath();
        if (path.equals("up")) {
            s.uplinks++;
            if (sent != null) {
                byte[] payload = m.copyPayload();
                synchronized (sent) { // one report for every shard
                    sent.batch(link.board.id, payload);
                }
            }
        } else if (path.equals("hello")) {
            s.hellos++;
        }
    }

    private void drainInbox(Shard s) {
        Arrival a;
        while ((a = s.inbox.poll()) != null) {
            handle(s, a);
        }
    }

    private void handle(Shard s, Arrival a) {
        if (a == WAKE) {
            return;
        }
        CoapMessage m = parse(a.bytes());
        if (m != null && m.code() >= 64) {
            a.link().refusedByHost = (m.code() >> 5) == 4;
        }
        boolean response = m != null && m.code() >= 64;
        Waiting w = null;
        if (response) {
            long key = key(a.link(), m);
            java.util.ArrayDeque<Waiting> exchange = s.outstanding.get(key);
            if (exchange != null) {
                w = exchange.pollFirst(); // the first's answer comes first: its copies were held until now
                handOver(exchange);
                if (exchange.isEmpty()) {
                    s.outstanding.remove(key);
                }
            } else {
                s.unmatchedResponses++;
            }
        }
        long leftAt;
        if (w != null && clock.virtual()) {
            leftAt = w.handedAt(); // the host answers "at" the moment the request reached it: deterministic
        } else if (w != null) {
            leftAt = Math.max(w.handedAt(), clock.pacedMillis()); // paced: when the answer really came
        } else {
            // answers given up on: when they come depends on real time, so they are not counted
            leftAt = Math.max(clock.virtual() ? s.frontier : clock.pacedMillis(), a.link().board.localTime);
        }
        a.link().downlink(a.bytes(), leftAt, w != null || !response);
        if (w != null) {
            resolved(s, w);
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
        if (!clock.virtual()) {
            runPaced(shards[0], until, stop);
            return;
        }
        if (shards.length == 1) {
            runVirtual(shards[0], until, stop);
        } else {
            runShards(until, stop);
        }
        if (!stop.getAsBoolean()) {
            clock.advanceTo(until);
            clock.runAt(until);
            for (Shard s : shards) {
                s.now = until;
                s.frontier = Math.max(s.frontier, until);
                s.progress = Math.max(s.progress, until);
            }
        }
    }

    /** Every shard on its own thread (the first on this one) until {@code until}; failures come back here. */
    private void runShards(long until, BooleanSupplier stop) throws InterruptedException {
        if (shardThreads == null) {
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger(1);
            shardThreads = java.util.concurrent.Executors.newFixedThreadPool(shards.length - 1, r -> {
                Thread t = new Thread(r, "fleet-shard-" + n.getAndIncrement());
                t.setDaemon(true);
                return t;
            });
        }
        BooleanSupplier halt = () -> failed || stop.getAsBoolean();
        this.halt = halt;
        List<java.util.concurrent.Future<?>> others = new ArrayList<>();
        for (int i = 1; i < shards.length; i++) {
            Shard s = shards[i];
            others.add(shardThreads.submit(() -> {
                try {
                    runVirtual(s, until, halt);
                } catch (RuntimeException | Error | InterruptedException e) {
                    failed();
                    throw e;
                }
                return null;
            }));
        }
        Throwable failure = null;
        try {
            runVirtual(shards[0], until, halt);
        } catch (RuntimeException | Error | InterruptedException e) {
            failed();
            failure = e;
        }
        for (java.util.concurrent.Future<?> f : others) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            }
        }
        if (failure instanceof InterruptedException ie) {
            throw ie;
        } else if (failure instanceof RuntimeException re) {
            throw re;
        } else if (failure instanceof Error er) {
            throw er;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private void failed() {
        failed = true;
        for (Shard o : shards) {
            o.inbox.offer(WAKE);
        }
        synchronized (helloGate) {
            helloGate.notifyAll();
        }
    }

    /**
     * How far (fleet time) a shard may run beyond another that has nothing with the host: enough for
     * tens of milliseconds of work between two looks at each other (so a shard the operating system
     * put aside for a moment does not stop the others at once), little enough that the shards stay
     * close (the host's clock, {@link #slowestProgress()}, follows the slowest).
     */
    static final long SHARD_SLACK_MILLIS = 86_400_000L;

    /**
     * Publishes {@code s}'s floor (its oldest request with the host, or its next event plus the
     * slack when it has none) and wakes a shard that waits for it to get that far.
     */
    private void publishFloor(Shard s, long nextTime) {
        long oldest = s.oldestHanded();
        long f = oldest != Long.MAX_VALUE ? oldest
                : nextTime >= Long.MAX_VALUE - SHARD_SLACK_MILLIS ? Long.MAX_VALUE : nextTime + SHARD_SLACK_MILLIS;
        long before = s.floor;
        if (f == before || oldest == Long.MAX_VALUE && f > before && f - before < FLOOR_STEP_MILLIS && !awaited(s)) {
            return; // other shards read it at every event: written only when it matters (a cache line less bouncing)
        }
        s.floor = f;
        if (f > before) {
            for (Shard o : shards) {
                if (o.blocker == s.index && f >= o.wantFloor) {
                    o.wantFloor = Long.MAX_VALUE;
                    o.blocker = -1;
                    o.inbox.offer(WAKE);
                }
            }
        }
    }

    /** A shard with nothing at the host publishes its floor's progress in steps of this much fleet time. */
    private static final long FLOOR_STEP_MILLIS = 60_000L;

    /** @return whether another shard waits for {@code s} */
    private boolean awaited(Shard s) {
        for (Shard o : shards) {
            if (o.blocker == s.index) {
                return true;
            }
        }
        return false;
    }

    /** @return the shard with the lowest floor (this one when it is the lowest) */
    private Shard slowest(Shard self) {
        Shard min = self;
        long f = self.floor;
        for (Shard o : shards) {
            long of = o.floor;
            if (of < f) {
                f = of;
                min = o;
            }
        }
        return min;
    }

    /** @return the host's clock with several shards: the furthest fleet time every shard has reached */
    private long slowestProgress() {
        long p = Long.MAX_VALUE;
        for (Shard o : shards) {
            p = Math.min(p, o.progress);
        }
        return p;
    }

    private void runVirtual(Shard s, long until, BooleanSupplier stop) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            drainInbox(s);
            Ev next = s.queue.peek();
            long nextTime = next == null ? Long.MAX_VALUE : next.time;
            publishFloor(s, nextTime);
            if (hellosWaiting > 0 && nextTime != helloInstant) {
                // the host's clock reads the hellos' instant: only what happens at that very instant
                // (other boards' hellos of the same cohort) may go to the host with them
                waitForHost(s, stop, () -> hellosWaiting > 0 && nextTime != helloInstant);
                continue;
            }
            long oldest = s.handed.isEmpty() ? Long.MAX_VALUE : s.handed.firstKey() + spec.latencyMillis;
            if (nextTime > until) {
                if (oldest <= until) {
                    waitForHost(s, stop, () -> !s.handed.isEmpty() && s.handed.firstKey() + spec.latencyMillis <= until
                            && s.inbox.isEmpty());
                    continue;
                }
                s.progress = Math.max(s.progress, until);
                return;
            }
            if (oldest != Long.MAX_VALUE && nextTime > oldest + spec.lookaheadMillis) {
                waitForHost(s, stop, () -> !s.handed.isEmpty() && nextTime > s.handed.firstKey() + spec.latencyMillis
                        + spec.lookaheadMillis && s.inbox.isEmpty());
                continue;
            }
            if (shards.length > 1) {
                Shard slow = slowest(s);
                long h = slow.floor == Long.MAX_VALUE ? Long.MAX_VALUE : slow.floor + spec.latencyMillis + spec.lookaheadMillis;
                if (nextTime > h) {
                    // another shard's request with the host is older than this shard's run-ahead allows
                    // (or that shard is more than the slack behind)
                    s.wantFloor = nextTime - spec.latencyMillis - spec.lookaheadMillis;
                    s.blocker = slow.index;
                    if (slow.floor < s.wantFloor) {
                        long t0 = System.nanoTime();
                        s.shardWaits++;
                        while (s.blocker >= 0 && s.inbox.isEmpty() && !stop.getAsBoolean()) {
                            if (awaitHost(s, 10_000L)) {
                                break;
                            }
                        }
                        s.shardWaitNanos += System.nanoTime() - t0;
                    }
                    s.blocker = -1;
                    s.wantFloor = Long.MAX_VALUE;
                    continue;
                }
            }
            s.queue.poll();
            VirtualBoard owner = next.owner;
            if (owner != null && owner.link != null && owner.link.heldBack(next)) {
                s.parkedEvents++;
                continue;
            }
            s.now = nextTime;
            if (nextTime > s.frontier) {
                s.frontier = nextTime;
                if (shards.length == 1) {
                    clock.reach(nextTime);
                } else if (nextTime - s.progress >= 1_000L) {
                    s.progress = nextTime; // the host's clock (the slowest shard's), to the second
                }
            }
            if (owner != null) {
                owner.localTime = nextTime;
            }
            run(next);
        }
    }

    /** Waits for the host's answers (or another shard) while {@code blocked} holds (or until timeouts release them). */
    private void waitForHost(Shard s, BooleanSupplier stop, BooleanSupplier blocked) throws InterruptedException {
        long t0 = System.nanoTime();
        s.hostWaits++;
        s.hostWaitOutstanding += s.withHost;
        onHostWait.run();
        while (blocked.getAsBoolean() && !stop.getAsBoolean()) {
            if (awaitHost(s, 10_000L)) {
                break; // an answer may have released held-back events: look again
            }
        }
        s.hostWaitNanos += System.nanoTime() - t0;
    }

    /**
     * Paced time: events run when the real clock says they are due, and nothing waits for the host
     * but the board whose request is with it (its later events are held back by its link until the
     * answer comes, or until {@link #pacedGiveUpMillis} passed without one).
     */
    private void runPaced(Shard s, long until, BooleanSupplier stop) throws InterruptedException {
        if (!pacingStarted) {
            pacingStarted = true;
            clock.rebase(); // fleet time starts now, not when the clock was made (provisioning takes a while)
            lastGiveUpCheck = clock.nanoTime();
            nextProgressNanos = lastGiveUpCheck + progressEveryNanos;
        }
        while (!stop.getAsBoolean()) {
            drainInbox(s);
            long real = clock.nanoTime();
            if (real - lastGiveUpCheck >= 100_000_000L) {
                lastGiveUpCheck = real;
                giveUp(s, pacedGiveUpMillis);
            }
            if (progress != null && real - nextProgressNanos >= 0) {
                progressLine(real);
            }
            Ev next = s.queue.peek();
            long nextTime = next == null ? Long.MAX_VALUE : next.time;
            long due = Math.min(nextTime, until);
            long wait = clock.nanosUntil(due);
            if (wait > 0) {
                waitInbox(s, Math.min(wait, 50_000_000L));
                continue;
            }
            if (nextTime > until) {
                clock.advanceTo(until);
                s.now = clock.millis();
                return;
            }
            s.queue.poll();
            VirtualBoard owner = next.owner;
            if (owner != null && owner.link != null && owner.link.heldBack(next)) {
                s.parkedEvents++;
                next.held = true;
                continue;
            }
            (next.held ? heldLateness : lateness).add(Math.max(0, clock.pacedMillis() - nextTime) / clock.speed());
            clock.advanceTo(nextTime);
            s.now = clock.millis();
            s.frontier = clock.frontier();
            if (owner != null) {
                owner.localTime = nextTime;
            }
            run(next);
        }
    }

    private void progressLine(long real) {
        double seconds = (real - nextProgressNanos + progressEveryNanos) / 1e9;
        nextProgressNanos = real + progressEveryNanos;
        long n = uplinks() - uplinksAtProgress;
        uplinksAtProgress = uplinks();
        int held = 0;
        for (VirtualBoard b : boards) {
            if (b.link != null && b.link.holdsBack()) {
                held++;
            }
        }
        progress.accept(String.format(java.util.Locale.ROOT, "fleet: %.0f uplinks/s, %d requests with the host, "
                + "%d boards waiting for an answer, %d given up so far; events %s; held back behind a request %s",
                seconds > 0 ? n / seconds : 0.0, shards[0].withHost, held, shards[0].hostTimeouts, lateness.window().line(),
                heldLateness.window().line()));
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

    /** @return true when an answer came (or a request was given up) */
    private boolean awaitHost(Shard s, long timeoutMillis) throws InterruptedException {
        Arrival a = pause.poll(s.inbox, 50_000_000L);
        if (a != null) {
            handle(s, a);
            return true;
        }
        return giveUp(s, timeoutMillis);
    }

    /**
     * Gives up on requests the host has not answered in {@code timeoutMillis} of real time: their
     * boards run on (their copies held so far go to the host now).
     *
     * @return true when any was given up
     */
    private boolean giveUp(Shard s, long timeoutMillis) {
        if (s.withHost == 0) {
            return false;
        }
        long limit = clock.nanoTime() - timeoutMillis * 1_000_000L;
        List<Waiting> gaveUp = null;
        for (java.util.Iterator<java.util.ArrayDeque<Waiting>> it = s.outstanding.values().iterator(); it.hasNext(); ) {
            java.util.ArrayDeque<Waiting> exchange = it.next();
            boolean any = false;
            for (java.util.Iterator<Waiting> i = exchange.iterator(); i.hasNext(); ) {
                Waiting w = i.next();
                if (w.held == null && w.sentNanos - limit < 0) {
                    i.remove();
                    any = true;
                    s.hostTimeouts++;
                    Logger.debug("the host did not answer in {} s: {}", timeoutMillis / 1000, w.what());
                    if (gaveUp == null) {
                        gaveUp = new ArrayList<>();
                    }
                    gaveUp.add(w);
                }
            }
            if (any) {
                handOver(exchange);
                if (exchange.isEmpty()) {
                    it.remove();
                }
            }
        }
        if (gaveUp == null) {
            return false;
        }
        if (gaveUp.size() > 0 && clock.virtual()) {
            Logger.warn("the host did not answer {} requests in {} s, e.g. {}", gaveUp.size(), timeoutMillis / 1000,
                    gaveUp.get(0).what());
        }
        gaveUp.forEach(w -> resolved(s, w));
        return true;
    }

    private void waitInbox(Shard s, long nanos) throws InterruptedException {
        Arrival a = pause.poll(s.inbox, nanos);
        if (a != null) {
            handle(s, a);
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

    /** @return exchanges in flight on the running boards (each holds wire bytes borrowed from its shard's pool) */
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
        r.uplinks = uplinks();
        r.hellos = sum(s -> s.hellos);
        r.retransmissions = sum(s -> s.retransmissions);
        r.hostTimeouts = sum(s -> s.hostTimeouts);
        r.datagramsDropped = sum(s -> s.dropped);
        r.datagramsDuplicated = sum(s -> s.duplicated);
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

    /** @param p how the scheduler waits for the host's datagrams (tests: a fake clock instead of real waiting) */
    void pause(Pause p) {
        this.pause = p;
    }

    /** @param millis paced time: real ms after which a board whose request got no answer runs on */
    void pacedGiveUp(long millis) {
        this.pacedGiveUpMillis = millis;
    }

    /**
     * Paced time: every {@code seconds} of real time, a line with the uplinks per second, the requests
     * with the host and how late the events ran.
     */
    public void progressEvery(long seconds, java.util.function.Consumer<String> sink) {
        this.progress = sink;
        this.progressEveryNanos = seconds * 1_000_000_000L;
    }

    /**
     * @return paced time: how late (real ms behind the real clock) the events ran over the whole run,
     *     those held back behind their board's request left out
     */
    public Lateness.Window lateness() {
        return lateness.total();
    }

    /** @return paced time: how late the events held back behind their board's request ran */
    public Lateness.Window heldLateness() {
        return heldLateness.total();
    }

    /** @return how often the scheduler waited for the host, and the requests with it summed over those waits */
    long[] hostWaitCounts() {
        return new long[] {sum(s -> s.hostWaits), sum(s -> s.hostWaitOutstanding)};
    }

    private long sum(java.util.function.ToLongFunction<Shard> f) {
        long n = 0;
        for (Shard s : shards) {
            n += f.applyAsLong(s);
        }
        return n;
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
        return sum(s -> s.uplinks);
    }

    /** @return fleet time at the start */
    public long start() {
        return start;
    }

    @Override
    public void close() {
        if (shardThreads != null) {
            shardThreads.shutdownNow();
        }
        long hostWaits = sum(s -> s.hostWaits);
        long hostWaitOutstanding = sum(s -> s.hostWaitOutstanding);
        for (VirtualBoard b : boards) {
            if (b.link != null && b.link.connection != null) {
                b.link.connection.close();
            }
        }
        Logger.info("fleet closed: {} boards on {} scheduler threads; waited for the host {} times ({} requests with it on average), {} s in all; "
                + "{} board events held back behind their board's request; waited for another scheduler thread {} times, {} s in all{}",
                boards.size(), shards.length, hostWaits,
                hostWaits == 0 ? 0 : hostWaitOutstanding / hostWaits, String.format(java.util.Locale.ROOT, "%.1f", sum(s -> s.hostWaitNanos) / 1e9),
                sum(s -> s.parkedEvents),
                sum(s -> s.shardWaits), String.format(java.util.Locale.ROOT, "%.1f", sum(s -> s.shardWaitNanos) / 1e9),
                clock.virtual() ? "" : "; events over the whole run " + lateness.total().line() + ", held back behind a request "
                        + heldLateness.total().line());
    }
}
