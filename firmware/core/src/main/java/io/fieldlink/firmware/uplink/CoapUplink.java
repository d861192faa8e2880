package io.fieldlink.firmware.uplink;

import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.hal.Crypto;
import io.fieldlink.firmware.hal.DatagramReceiver;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.firmware.hal.Log;
import io.fieldlink.firmware.hal.LogLevel;
import io.fieldlink.firmware.hal.Scheduler;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.journal.JournalCursor;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapFormatException;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import io.fieldlink.protocol.coap.ContentFormat;
import io.fieldlink.protocol.coap.client.CoapClient;
import io.fieldlink.protocol.coap.client.CoapClientConfig;
import io.fieldlink.protocol.coap.client.CoapClock;
import io.fieldlink.protocol.coap.client.DatagramSender;
import io.fieldlink.protocol.coap.client.FailureReason;
import io.fieldlink.protocol.coap.client.ResponseHandler;
import io.fieldlink.protocol.memory.BufferPool;
import io.fieldlink.protocol.record.Ack;
import io.fieldlink.protocol.record.CommandResult;
import io.fieldlink.protocol.record.Hello;
import io.fieldlink.protocol.record.HelloAnswer;
import io.fieldlink.protocol.record.UplinkRecord;
import java.util.Arrays;
import java.util.Random;

/**
 * The board's {@link Uplink} over CoAP ({@link CoapClient}, no threads).
 *
 * <p>{@link #start()} sends {@code hello} (CON POST, a {@link Hello}); the {@link HelloAnswer} sets the
 * wall clock and its commands go through the {@link CommandGate}. Then the uplink POSTs
 * {@code up} (content-format 60) batches of the oldest unacknowledged journal records
 * ({@link BatchWriter}), one request at a time; the {@link Ack} response's highest contiguous sequence
 * number is passed to {@link Journal#acknowledge} (records leave the journal only then), the records
 * in its ranges (stored out of order) are left out of later batches, and its commands are applied.
 * The gate journals a {@link CommandResult} for each command acted on; those results go up at once. While records remain it sends the next batch at once; otherwise it reports
 * again after the report interval, or {@link UplinkOptions#debounceMillis()} after
 * {@link #reportNow()}. When an exchange fails (timeout, reset, error response) it waits
 * {@link UplinkOptions#backoffBaseMillis()}, doubling per failure up to the cap, then tries again
 * (with {@code hello} while that never succeeded since boot); once the host answers it sends the
 * backlog (backfill, each record with its original time).
 *
 * <p>Threading: event-loop thread only; the client's {@link CoapClient#poll()} runs from a scheduler
 * task due at the client's next deadline. A storage exception from the journal (power loss) passes
 * out of the event loop; the board then boots again and a new uplink resends what was not acked.
 * Steady state allocates only when decoding responses.
 *
 * <p>Memory: the request message, the batch's buffers and the CoAP client's encode, decode and wire
 * buffers are borrowed from the board's {@link BufferPool} for the duration of one exchange (the wire
 * bytes until it is answered or fails, the rest during one call); an idle uplink holds none of them.
 */
public final class CoapUplink implements Uplink {
    private static final int COAP_OVERHEAD = 32;

    private final Clock clock;
    private final Scheduler scheduler;
    private final DatagramTransport transport;
    private final Journal journal;
    private final JournalCursor cursor;
    private final Log log;
    private final byte[] hello;
    private final UplinkOptions options;
    private final CommandGate gate;
    private final BatchWriter batch;
    private final CoapClient client;
    private final BufferPool buffers;
    private final Runnable reportTask = new Runnable() {
        @Override
        public void run() {
            sendNext();
        }
    };
    private final Runnable pollTask = new Runnable() {
        @Override
        public void run() {
            client.poll();
            reschedulePoll();
        }
    };
    private final DatagramReceiver receiver = new DatagramReceiver() {
        @Override
        public void onDatagram(byte[] data, int offset, int length) {
            client.onDatagram(data, offset, length);
            reschedulePoll();
        }
    };
    private final ResponseHandler helloHandler = new ResponseHandler() {
        @Override
        public void onResponse(CoapMessage response) {
            onHelloResponse(response);
        }

        @Override
        public void onFailure(FailureReason reason) {
            failed("hello " + reason);
        }
    };
    private final ResponseHandler upHandler = new ResponseHandler() {
        @Override
        public void onResponse(CoapMessage response) {
            onUpResponse(response);
        }

        @Override
        public void onFailure(FailureReason reason) {
            failed("up " + reason);
        }
    };
    private boolean started;
    private boolean helloDone;
    private boolean inFlight;
    private boolean reachable;
    private long backoff;
    private long reportDueAt = -1;
    private long ackedSeq;
    private long batchesSent;
    /** The last Ack's ranges: stored out of order, not to be sent again. */
    private long[] ackedRanges = new long[0];

    /**
     * @param clock the board clock (monotonic for timing; the wall clock is set from hello)
     * @param scheduler the board's event loop
     * @param transport the datagram link to the host
     * @param journal the journal whose records go up
     * @param crypto the board crypto, for signed commands
     * @param log the board log
     * @param hello this board's hello record
     * @param issuers the trusted issuer keys for signed commands
     * @param options timing and sizing (copied)
     * @param random seeds CoAP message ids, tokens and retransmission jitter
     */
    public CoapUplink(Clock clock, Scheduler scheduler, DatagramTransport transport, Journal journal, Crypto crypto,
            Log log, Hello hello, IssuerKeys issuers, UplinkOptions options, Random random) {
        this(clock, scheduler, transport, journal, crypto, log, hello, issuers, options, random, new BufferPool());
    }

    /**
     * @param clock the board clock (monotonic for timing; the wall clock is set from hello)
     * @param scheduler the board's event loop
     * @param transport the datagram link to the host
     * @param journal the journal whose records go up
     * @param crypto the board crypto, for signed commands
     * @param log the board log
     * @param hello this board's hello record
     * @param issuers the trusted issuer keys for signed commands
     * @param options timing and sizing (copied)
     * @param random seeds CoAP message ids, tokens and retransmission jitter
     * @param buffers where the exchanges' buffers are borrowed (the board's pool; event-loop thread only)
     */
    public CoapUplink(Clock clock, Scheduler scheduler, DatagramTransport transport, Journal journal, Crypto crypto,
            Log log, Hello hello, IssuerKeys issuers, UplinkOptions options, Random random, BufferPool buffers) {
        this.buffers = buffers;
        this.clock = clock;
        this.scheduler = scheduler;
        this.transport = transport;
        this.journal = journal;
        this.cursor = journal.cursor();
        this.log = log;
        this.hello = hello.encode();
        this.options = options.copy();
        this.gate = new CommandGate(crypto, issuers, log, journal, clock);
        int max = transport.maxDatagramSize();
        this.batch = new BatchWriter(max - COAP_OVERHEAD, this.options.maxBatchRecords(), buffers);
        final Clock c = clock;
        this.client = new CoapClient(new DatagramSender() {
            @Override
            public void send(byte[] data, int off, int len) {
                CoapUplink.this.transport.send(data, off, len);
            }
        }, new CoapClock() {
            @Override
            public long millis() {
                return c.monotonicMillis();
            }
        }, random, new CoapClientConfig().maxMessageSize(max).maxPendingRequests(2), buffers);
        this.ackedSeq = journal.firstUnackedSeq() - 1;
        rememberReportedCommands();
    }

    /** Command ids whose results wait in the journal are done: a reboot must not act on them again. */
    private void rememberReportedCommands() {
        byte[] payload = buffers.borrow(Journal.MAX_PAYLOAD);
        try {
            cursor.rewind();
            while (cursor.next()) {
                if (cursor.type() != UplinkRecord.COMMAND_RESULT) {
                    continue;
                }
                int n = cursor.copyPayload(payload, 0);
                try {
                    gate.remember(CommandResult.decode(Arrays.copyOf(payload, n)).commandId());
                } catch (ProtocolException e) {
                    log.log(LogLevel.WARN, "uplink", "unreadable command result at seq " + cursor.seq());
                }
            }
            cursor.rewind();
        } finally {
            buffers.giveBack(payload);
        }
    }

    @Override
    public void start() {
        if (started) {
            return;
        }
        started = true;
        transport.setReceiver(receiver);
        sendNext();
    }

    @Override
    public void stop() {
        started = false;
        scheduler.cancel(reportTask);
        scheduler.cancel(pollTask);
        transport.setReceiver(null);
    }

    /**
     * Forgets the exchange in flight, if any, and gives its borrowed buffers back to the pool, without
     * telling anyone: for a binding that drops this board as it stands (a power cut in a simulator,
     * where the pool outlives the board). The uplink must not be used afterwards.
     */
    public void abandon() {
        started = false;
        client.abandonAll();
        batch.release();
    }

    @Override
    public void reportNow() {
        if (!started || backoff > 0) {
            return;
        }
        long due = clock.monotonicMillis() + options.debounceMillis();
        if (inFlight || (scheduler.isScheduled(reportTask) && reportDueAt <= due)) {
            return;
        }
        schedule(options.debounceMillis());
    }

    @Override
    public void setCommandHandler(HostCommandHandler handler) {
        gate.setHandler(handler);
    }

    @Override
    public boolean hostReachable() {
        return reachable;
    }

    @Override
    public long ackedSeq() {
        return ackedSeq;
    }

    /** @return true once the host answered hello since boot */
    public boolean helloDone() {
        return helloDone;
    }

    /** @return the current wait between attempts (0 while the host is reachable) */
    public long backoffMillis() {
        return backoff;
    }

    /** @return {@code up} requests sent since boot */
    public long batchesSent() {
        return batchesSent;
    }

    /** @return requests accepted by the CoAP client and not yet answered or failed (0 or 1) */
    public int exchangesInFlight() {
        return client.pendingCount();
    }

    /** @return the command gate (its refusal counter) */
    public CommandGate commandGate() {
        return gate;
    }

    private void sendNext() {
        reportDueAt = -1;
        if (!started || inFlight) {
            return;
        }
        if (!helloDone) {
            post("hello", hello, hello.length, helloHandler);
            return;
        }
        try {
            if (batch.fill(cursor, ackedRanges) == 0) {
                schedule(options.reportIntervalMillis());
                return;
            }
            batchesSent++;
            post("up", batch.buffer(), batch.size(), upHandler);
        } finally {
            batch.release();
        }
    }

    private void post(String path, byte[] payload, int length, ResponseHandler handler) {
        CoapMessage request = buffers.borrowMessage();
        int id;
        try {
            request.setType(CoapType.CON).setCode(CoapCode.POST).setUriPath(path).setContentFormat(ContentFormat.CBOR)
                    .setPayload(payload, 0, length);
            if (options.deviceQuery() != null) {
                request.addUriQuery("d=" + options.deviceQuery());
            }
            try {
                id = client.request(request, handler);
            } catch (CoapFormatException e) {
                log.log(LogLevel.ERROR, "uplink", path + " request does not fit a datagram: " + e.getMessage());
                id = -1;
            }
        } finally {
            buffers.giveBack(request);
        }
        if (id < 0) {
            schedule(options.backoffBaseMillis());
            return;
        }
        inFlight = true;
        reschedulePoll();
    }

    private void onHelloResponse(CoapMessage response) {
        inFlight = false;
        if (!CoapCode.isSuccess(response.code())) {
            failed("hello answered " + CoapCode.toString(response.code()));
            return;
        }
        HelloAnswer answer;
        try {
            answer = HelloAnswer.decode(response.copyPayload());
        } catch (ProtocolException e) {
            failed("hello answer unreadable: " + e.getMessage());
            return;
        }
        clock.setWallMillis(answer.hostTimeMs());
        helloDone = true;
        succeeded();
        log.log(LogLevel.INFO, "uplink", "hello answered; wall clock set to " + answer.hostTimeMs());
        gate.applyAll(answer.commands());
        if (started) {
            schedule(0);
        }
    }

    private void onUpResponse(CoapMessage response) {
        inFlight = false;
        if (!CoapCode.isSuccess(response.code())) {
            failed("up answered " + CoapCode.toString(response.code()));
            return;
        }
        Ack ack;
        try {
            ack = Ack.decode(response.copyPayload());
        } catch (ProtocolException e) {
            failed("ack unreadable: " + e.getMessage());
            return;
        }
        succeeded();
        long before = journal.firstUnackedSeq();
        long highest = ack.highestContiguous();
        if (highest >= before && highest < journal.nextSeq()) {
            journal.acknowledge(highest);
            cursor.rewind();
            ackedSeq = highest;
        }
        long[] ranges = ack.ranges();
        boolean newRanges = !Arrays.equals(ranges, ackedRanges);
        ackedRanges = ranges;
        int results = gate.applyAll(ack.commands());
        if (!started) {
            return;
        }
        boolean progress = journal.firstUnackedSeq() > before || newRanges;
        schedule((progress && journal.unackedCount() > 0) || results > 0 ? 0 : options.reportIntervalMillis());
    }

    private void succeeded() {
        reachable = true;
        backoff = 0;
    }

    private void failed(String why) {
        inFlight = false;
        reachable = false;
        backoff = backoff == 0 ? options.backoffBaseMillis() : Math.min(backoff * 2, options.backoffCapMillis());
        log.log(LogLevel.WARN, "uplink", why + "; next attempt in " + backoff + " ms");
        if (started) {
            schedule(backoff);
        }
    }

    private void schedule(long delay) {
        reportDueAt = clock.monotonicMillis() + delay;
        scheduler.schedule(reportTask, delay);
    }

    private void reschedulePoll() {
        long next = client.nextDeadline();
        if (next < 0 || !started) {
            scheduler.cancel(pollTask);
            return;
        }
        scheduler.schedule(pollTask, Math.max(0, next - clock.monotonicMillis()));
    }
}
