package io.fieldlink.simulator.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.Handshaker;
import org.eclipse.californium.scandium.dtls.SessionAdapter;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.tinylog.Logger;

/**
 * Real UDP with DTLS 1.2 PSK ({@code TLS_PSK_WITH_AES_128_CCM_8}, identity = device id) to a host,
 * as a device in the field has it: every board is its own Scandium client with its own socket (its
 * own source port), handshake and session. What a board does not get is threads of its own: one
 * {@link DatagramHub} thread reads every board's socket, and one small scheduled pool (the boards'
 * DTLS timers too) does every board's handshakes and record protection, so ten thousand boards cost
 * ten thousand sockets and their sessions, not twenty thousand threads.
 *
 * <p>A host that restarts forgets every session, and a DTLS 1.2 client cannot tell (the host drops
 * records of sessions it does not know, silently). A board whose last {@value #RESUME_AFTER_UNANSWERED}
 * datagrams got nothing back over at least {@value #RESUME_AFTER_SILENCE_MILLIS} ms therefore
 * resumes its session before the next one (an abbreviated handshake, or a full one when the host no
 * longer knows the session), as a field device's DTLS stack does after failed exchanges. Only
 * datagrams sent since the last completed handshake count, and a host merely slow (10,000 boards
 * booting at once: handshakes and answers taking seconds) is not taken for one that forgot.
 */
public final class DtlsHost implements HostPort {
    /** Datagrams in a row without any answer after which a board re-handshakes before the next. */
    public static final int RESUME_AFTER_UNANSWERED = 3;
    /** Real ms since the first unanswered datagram before a board re-handshakes (default). */
    public static final long RESUME_AFTER_SILENCE_MILLIS = 30_000L;

    private final InetSocketAddress host;
    private final long resumeAfterSilenceNanos;
    private final AddressEndpointContext peer;
    private final Configuration config;
    private final ScheduledThreadPoolExecutor executor;
    private final DatagramHub hub;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong handshakes = new AtomicLong();
    private final AtomicLong handshakeFailures = new AtomicLong();
    private final AtomicLong flightRetransmissions = new AtomicLong();
    private final AtomicLong resumptionsForced = new AtomicLong();
    private final AtomicLong datagramsOut = new AtomicLong();
    private final AtomicLong datagramsIn = new AtomicLong();
    private final Map<String, BoardSession> sessions = new ConcurrentHashMap<>();
    private final RoundTrips roundTrips = new RoundTrips();

    /**
     * What the boards' DTLS did so far (for the progress lines and the benchmark).
     *
     * @param connections boards with an open socket
     * @param online boards that received a datagram from the host in the last minute
     * @param handshakes completed (full or resumed)
     * @param handshakeFailures failed (wrong key, timeout, alert)
     * @param flightRetransmissions handshake flights sent again
     * @param resumptionsForced re-handshakes after {@value #RESUME_AFTER_UNANSWERED} unanswered datagrams
     * @param datagramsOut CoAP datagrams the boards handed to DTLS
     * @param datagramsIn CoAP datagrams the boards received
     * @param threads threads of the shared pool plus the hub's
     */
    public record Stats(int connections, int online, long handshakes, long handshakeFailures,
            long flightRetransmissions, long resumptionsForced, long datagramsOut, long datagramsIn, int threads) {
        /** @return one line for a log */
        public String line() {
            return String.format("dtls: %d boards, %d online, %d handshakes (%d failed, %d flights resent, %d resumed "
                    + "after silence), %d datagrams out, %d in, %d threads", connections, online, handshakes,
                    handshakeFailures, flightRetransmissions, resumptionsForced, datagramsOut, datagramsIn, threads);
        }
    }

    /** @param host the host's CoAPS address; 2 shared DTLS threads */
    public DtlsHost(InetSocketAddress host) throws IOException {
        this(host, 2);
    }

    /**
     * @param host the host's CoAPS address
     * @param threads threads of the pool shared by every board's handshakes, records and timers
     * @throws IOException when the hub's selector cannot be opened
     */
    public DtlsHost(InetSocketAddress host, int threads) throws IOException {
        this(host, threads, 4);
    }

    /**
     * @param host the host's CoAPS address
     * @param threads threads of the pool shared by every board's handshakes, records and timers
     * @param flightRetransmissions times a handshake flight is sent again before the handshake fails
     *     (Scandium's default 4: a host that never answers fails a handshake after about 62 s)
     * @throws IOException when the hub's selector cannot be opened
     */
    public DtlsHost(InetSocketAddress host, int threads, int flightRetransmissions) throws IOException {
        this(host, threads, flightRetransmissions, RESUME_AFTER_SILENCE_MILLIS);
    }

    /**
     * @param host the host's CoAPS address
     * @param threads threads of the pool shared by every board's handshakes, records and timers
     * @param flightRetransmissions times a handshake flight is sent again before the handshake fails
     * @param resumeAfterSilenceMillis real ms a board's datagrams must have gone unanswered (besides
     *     {@value #RESUME_AFTER_UNANSWERED} of them) before it re-handshakes
     * @throws IOException when the hub's selector cannot be opened
     */
    public DtlsHost(InetSocketAddress host, int threads, int flightRetransmissions, long resumeAfterSilenceMillis)
            throws IOException {
        if (resumeAfterSilenceMillis < 0) {
            throw new IllegalArgumentException("silence before a re-handshake must not be negative: "
                    + resumeAfterSilenceMillis);
        }
        this.resumeAfterSilenceNanos = resumeAfterSilenceMillis * 1_000_000L;
        if (threads < 1) {
            throw new IllegalArgumentException("DTLS threads must be at least 1: " + threads);
        }
        if (flightRetransmissions < 0) {
            throw new IllegalArgumentException("flight retransmissions must not be negative: " + flightRetransmissions);
        }
        this.host = host;
        this.peer = new AddressEndpointContext(host);
        DtlsConfig.register();
        Configuration c = Configuration.createStandardWithoutFile();
        c.set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY);
        c.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false);
        c.setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8);
        // one session per board: the defaults (150,000 connections, 50,000 pending jobs) size the
        // connection store's tables for a server and cost megabytes per connector
        c.set(DtlsConfig.DTLS_MAX_CONNECTIONS, 2);
        c.set(DtlsConfig.DTLS_MAX_PENDING_OUTBOUND_JOBS, 64);
        c.set(DtlsConfig.DTLS_MAX_PENDING_INBOUND_JOBS, 64);
        c.set(DtlsConfig.DTLS_MAX_PENDING_HANDSHAKE_RESULT_JOBS, 64);
        c.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 0); // the hub reads the sockets
        c.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1); // unused: the shared pool is set on each
        c.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, flightRetransmissions);
        this.config = c;
        this.executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "sim-dtls");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.hub = new DatagramHub();
    }

    @Override
    public Connection connect(String deviceId, byte[] psk, Inbound inbound) throws IOException {
        BoardSession session = new BoardSession(deviceId, inbound);
        DtlsConnectorConfig c = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(deviceId, psk))
                .setSessionListener(session.listener)
                .setLoggingTag(deviceId)
                .build();
        DatagramChannel channel = DatagramHub.open(new InetSocketAddress(0));
        BoardDtlsConnector connector = new BoardDtlsConnector(c, channel);
        session.connector = connector;
        try {
            connector.setExecutor(executor); // a scheduled pool: the connector's timer too
            connector.setRawDataReceiver(session::received);
            connector.start();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        hub.register(channel, connector::processDatagram);
        open.incrementAndGet();
        BoardSession before = sessions.put(deviceId, session);
        if (before != null) {
            before.close();
        }
        return session;
    }


    /** One board's session: its connector, and how many datagrams in a row went unanswered. */
    private final class BoardSession implements Connection {
        private final String id;
        private final Inbound inbound;
        private BoardDtlsConnector connector;
        private final AtomicInteger failures = new AtomicInteger();
        final SessionAdapter listener = new SessionAdapter() {
            @Override
            public void handshakeCompleted(Handshaker handshaker) {
                handshakes.incrementAndGet();
                // what went unanswered before the session existed says nothing about the session: a
                // slow first handshake (10,000 boards booting) must not be followed by a forced one
                unanswered.set(0);
            }

            @Override
            public void handshakeFailed(Handshaker handshaker, Throwable error) {
                failures.incrementAndGet();
                handshakeFailures.incrementAndGet();
                Logger.debug("DTLS handshake of {} failed: {}", id, error.getMessage());
            }

            @Override
            public void handshakeFlightRetransmitted(Handshaker handshaker, int flight) {
                flightRetransmissions.incrementAndGet();
            }
        };
        private final AtomicInteger unanswered = new AtomicInteger();
        private volatile long waitingSince;
        private volatile long lastIn;
        private volatile boolean closed;

        BoardSession(String id, Inbound inbound) {
            this.id = id;
            this.inbound = inbound;
        }

        void received(RawData raw) {
            long now = System.nanoTime();
            unanswered.set(0);
            long since = waitingSince;
            if (since != 0) {
                waitingSince = 0;
                roundTrips.add(now - since);
            }
            lastIn = now;
            datagramsIn.incrementAndGet();
            inbound.datagram(raw.getBytes());
        }

        @Override
        public void send(byte[] datagram) {
            int n = unanswered.incrementAndGet();
            if (n == 1) {
                waitingSince = System.nanoTime();
            }
            if (n > RESUME_AFTER_UNANSWERED && System.nanoTime() - waitingSince >= resumeAfterSilenceNanos
                    && connector.getDtlsContextByAddress(host) != null) {
                unanswered.set(1);
                waitingSince = System.nanoTime(); // the new session gets its own silence before another
                connector.forceResumeSessionFor(host);
                resumptionsForced.incrementAndGet();
            }
            datagramsOut.incrementAndGet();
            connector.send(RawData.outbound(datagram, peer, null, false));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                open.decrementAndGet();
                sessions.remove(id, this);
                connector.destroy();
            }
        }
    }

    /** @return what the boards' DTLS did so far */
    public Stats stats() {
        long minute = System.nanoTime() - 60_000_000_000L;
        int online = 0;
        for (BoardSession s : sessions.values()) {
            if (s.lastIn != 0 && s.lastIn - minute > 0) {
                online++;
            }
        }
        return new Stats(open.get(), online, handshakes.get(), handshakeFailures.get(), flightRetransmissions.get(),
                resumptionsForced.get(), datagramsOut.get(), datagramsIn.get(), executor.getPoolSize() + 1);
    }

    /**
     * @param deviceId a board's id
     * @return true when the board's current connection has a DTLS session with the host
     */
    public boolean established(String deviceId) {
        BoardSession s = sessions.get(deviceId);
        return s != null && s.connector.getDtlsContextByAddress(host) != null;
    }

    /**
     * @param deviceId a board's id
     * @return failed handshakes of the board's current connection
     */
    public int handshakeFailures(String deviceId) {
        BoardSession s = sessions.get(deviceId);
        return s == null ? 0 : s.failures.get();
    }

    /**
     * @return round trips (a board's first datagram after an answer to the next datagram back: DTLS,
     *     the host's work and the sockets both ways) since the last call, and starts a new window
     */
    public RoundTrips.Window roundTrips() {
        return roundTrips.window();
    }

    /**
     * Logs {@link #stats()} and the round trips every {@code seconds} until closed.
     *
     * @param sink receives the lines (the command prints them)
     */
    public void progressEvery(long seconds, java.util.function.Consumer<String> sink) {
        executor.scheduleAtFixedRate(() -> {
            try {
                sink.accept(stats().line() + "; " + roundTrips().line());
            } catch (RuntimeException e) {
                Logger.warn(e, "DTLS progress line");
            }
        }, seconds, seconds, TimeUnit.SECONDS);
    }

    @Override
    public String describe() {
        return "dtls " + host.getHostString() + ":" + host.getPort();
    }

    /** Closes every board's socket still open, then the hub and the shared pool. */
    @Override
    public void close() {
        for (BoardSession s : sessions.values()) {
            s.close();
        }
        hub.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
