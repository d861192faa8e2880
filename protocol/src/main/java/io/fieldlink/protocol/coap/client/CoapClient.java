package io.fieldlink.protocol.coap.client;

import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapDecoder;
import io.fieldlink.protocol.coap.CoapEncoder;
import io.fieldlink.protocol.coap.CoapFormatException;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import io.fieldlink.protocol.memory.BufferPool;

import java.util.Random;

/**
 * The CoAP client message layer of a board (RFC 7252 §4, §5.3): talks to one peer through a
 * {@link DatagramSender}, retransmits CON requests with randomised exponential back-off, keeps at
 * most NSTART interactions outstanding (the rest wait in order), matches piggy-backed and separate
 * responses by token, ACKs separate CON responses, RSTs unmatched CON responses, pings and requests,
 * answers a duplicate CON with the same ACK/RST without delivering it twice, and reports failures
 * ({@link FailureReason}) to the request's {@link ResponseHandler}.
 *
 * <p>Threading: none. One event loop calls {@link #request}, {@link #onDatagram}, {@link #poll()} and
 * {@link #cancel(int)}; handlers run inside those calls. After any of them, call {@link #poll()} (or
 * {@link #nextDeadline()}) to learn when to call {@link #poll()} next.
 *
 * <p>Memory: requests live in a fixed pool of {@link CoapClientConfig#maxPendingRequests()} slots.
 * The bytes and messages of exchanges are borrowed from a {@link BufferPool}: a request's wire bytes
 * from {@link #request} until it is answered, fails or is cancelled; the encode buffer and the
 * message an inbound datagram is decoded into only during the call. An idle client holds none.
 * With a pool that has warmed up, steady-state operation allocates nothing (a malformed datagram
 * costs one exception).
 * Observe notifications beyond the first response are not supported (they are answered with RST).
 */
public class CoapClient {
    /** The encode buffer borrowed per request (the encoder grows out of it for a larger message). */
    private static final int ENCODE_BUFFER = 1152;
    private final DatagramSender out;
    private final CoapClock clock;
    private final Random random;
    private final long ackTimeout;
    private final int randomFactorPercent;
    private final int maxRetransmit;
    private final int nstart;
    private final long responseTimeout;
    private final long exchangeLifetime;
    private final long nonLifetime;
    private final int tokenLength;
    private final Exchange[] pool;
    private final MessageIdCache seen;
    private final int maxMessageSize;
    private final BufferPool buffers;
    private final CoapEncoder encoder;
    private final byte[] empty = new byte[4];
    private int nextMessageId;
    private long nextToken;
    private int nextExchangeId = 1;
    private long order;
    private long retransmissions;
    private long duplicates;
    private long malformed;

    /**
     * @param out    where datagrams go (the one peer)
     * @param clock  monotonic milliseconds
     * @param random source of the first message id, the token base and the back-off jitter
     * @param cfg    transmission parameters (copied)
     */
    public CoapClient(DatagramSender out, CoapClock clock, Random random, CoapClientConfig cfg) {
        this(out, clock, random, cfg, new BufferPool());
    }

    /**
     * @param out     where datagrams go (the one peer)
     * @param clock   monotonic milliseconds
     * @param random  source of the first message id, the token base and the back-off jitter
     * @param cfg     transmission parameters (copied)
     * @param buffers where the exchanges' bytes and messages are borrowed (used on the client's event loop only)
     */
    public CoapClient(DatagramSender out, CoapClock clock, Random random, CoapClientConfig cfg, BufferPool buffers) {
        this.out = out;
        this.clock = clock;
        this.random = random;
        this.ackTimeout = cfg.ackTimeoutMillis();
        this.randomFactorPercent = cfg.ackRandomFactorPercent();
        this.maxRetransmit = cfg.maxRetransmit();
        this.nstart = cfg.nstart();
        this.responseTimeout = cfg.responseTimeoutMillis();
        this.exchangeLifetime = cfg.exchangeLifetimeMillis();
        this.nonLifetime = cfg.nonLifetimeMillis();
        this.tokenLength = cfg.tokenLength();
        this.pool = new Exchange[cfg.maxPendingRequests()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new Exchange();
        }
        this.seen = new MessageIdCache(cfg.duplicateCacheSize());
        this.maxMessageSize = cfg.maxMessageSize();
        this.buffers = buffers;
        this.encoder = new CoapEncoder(16, maxMessageSize);
        this.nextMessageId = random.nextInt(0x10000);
        this.nextToken = random.nextLong();
    }

    /**
     * Sends a request (CON or NON; its message id and token are replaced by the client's own) or
     * queues it behind NSTART. The message is copied: the caller may reuse it at once.
     *
     * @return an id for {@link #cancel(int)}, or -1 when all request slots are taken (the handler is
     *         then never called)
     * @throws IllegalArgumentException if the message is not a CON or NON request
     * @throws CoapFormatException ({@code MESSAGE_TOO_LARGE}) if it exceeds the configured size
     */
    public int request(CoapMessage request, ResponseHandler handler) {
        if (!CoapCode.isRequest(request.code())
                || (request.type() != CoapType.CON && request.type() != CoapType.NON)) {
            throw new IllegalArgumentException("not a CON/NON request: " + request);
        }
        Exchange x = freeSlot();
        if (x == null) {
            return -1;
        }
        long token = nextToken++ & tokenMask();
        keepEncoded(x, request, token);
        x.token = token;
        x.confirmable = request.type() == CoapType.CON;
        x.handler = handler;
        x.id = nextExchangeId;
        nextExchangeId = nextExchangeId == Integer.MAX_VALUE ? 1 : nextExchangeId + 1;
        x.order = order++;
        x.state = Exchange.QUEUED;
        startQueued(clock.millis());
        return x.id;
    }

    /**
     * Encodes {@code request} with {@code token} and message id 0 into a wire buffer borrowed for
     * the exchange (the message id is patched in when it is sent).
     *
     * @throws CoapFormatException if it exceeds the configured size (nothing is kept)
     */
    private void keepEncoded(Exchange x, CoapMessage request, long token) {
        CoapMessage copy = buffers.borrowMessage();
        encoder.into(buffers.borrow(Math.min(maxMessageSize, ENCODE_BUFFER)));
        try {
            copy.copyFrom(request).setToken(token, tokenLength).setMessageId(0);
            int n = encoder.encode(copy);
            x.wire = buffers.borrow(n);
            System.arraycopy(encoder.buffer(), 0, x.wire, 0, n);
            x.wireLength = n;
        } finally {
            buffers.giveBack(encoder.buffer());
            buffers.giveBack(copy);
        }
    }

    /**
     * Gives every pending request's borrowed bytes back to the pool and forgets the requests without
     * calling their handlers: for a binding that drops the board this client belongs to (a power cut
     * in a simulator), so the lent memory is not lost with it. The client must not be used afterwards.
     */
    public void abandonAll() {
        for (Exchange x : pool) {
            if (x.state != Exchange.FREE) {
                x.free(buffers);
            }
        }
    }

    /**
     * Abandons a pending request; its handler gets {@link FailureReason#CANCELLED}. A late response
     * to it will be answered with RST.
     *
     * @return false when no pending request has this id
     */
    public boolean cancel(int requestId) {
        for (Exchange x : pool) {
            if (x.state != Exchange.FREE && x.id == requestId) {
                fail(x, FailureReason.CANCELLED);
                startQueued(clock.millis());
                return true;
            }
        }
        return false;
    }

    /**
     * Handles one inbound datagram from the peer. Never throws for bad input: malformed datagrams
     * are counted ({@link #malformedCount()}), and a malformed CON is rejected with RST.
     */
    public void onDatagram(byte[] data, int off, int len) {
        long now = clock.millis();
        CoapMessage inbound = buffers.borrowMessage();
        try {
            try {
                CoapDecoder.decode(data, off, len, inbound);
            } catch (CoapFormatException e) {
                malformed++;
                int mid = CoapDecoder.confirmableMessageId(data, off, len);
                if (mid >= 0 && (data[off] & 0x30) == 0) {
                    sendEmpty(CoapType.RST, mid);
                }
                return;
            }
            CoapType type = inbound.type();
            if (type == CoapType.ACK || type == CoapType.RST) {
                onAckOrReset(inbound, type, now);
            } else {
                onConOrNon(inbound, type == CoapType.CON, now);
            }
        } finally {
            buffers.giveBack(inbound);
        }
        startQueued(now);
    }

    /**
     * Runs what is due: retransmissions, timeouts and queued requests.
     *
     * @return the clock time (ms) at which to call {@code poll()} again, or -1 when nothing is pending
     */
    public long poll() {
        long now = clock.millis();
        for (Exchange x : pool) {
            if (x.state == Exchange.WAIT_ACK && x.deadline <= now) {
                if (x.retransmits < maxRetransmit) {
                    x.retransmits++;
                    x.timeout *= 2;
                    x.deadline = now + x.timeout;
                    retransmissions++;
                    out.send(x.wire, 0, x.wireLength);
                } else {
                    fail(x, FailureReason.TIMEOUT);
                }
            } else if (x.state == Exchange.WAIT_RESPONSE && x.deadline <= now) {
                fail(x, FailureReason.TIMEOUT);
            }
        }
        startQueued(now);
        return nextDeadline();
    }

    /** The earliest deadline of any pending request (clock ms), or -1 when none is pending. */
    public long nextDeadline() {
        long next = -1;
        for (Exchange x : pool) {
            if ((x.state == Exchange.WAIT_ACK || x.state == Exchange.WAIT_RESPONSE) && (next < 0 || x.deadline < next)) {
                next = x.deadline;
            }
        }
        return next;
    }

    /** Requests accepted and not yet finished (in flight or queued). */
    public int pendingCount() {
        int n = 0;
        for (Exchange x : pool) {
            if (x.state != Exchange.FREE) {
                n++;
            }
        }
        return n;
    }

    /** Retransmissions sent so far. */
    public long retransmissionCount() {
        return retransmissions;
    }

    /** Inbound duplicates recognised so far. */
    public long duplicateCount() {
        return duplicates;
    }

    /** Inbound datagrams that did not decode. */
    public long malformedCount() {
        return malformed;
    }

    private void onAckOrReset(CoapMessage inbound, CoapType type, long now) {
        int mid = inbound.messageId();
        for (Exchange x : pool) {
            boolean waiting = x.state == Exchange.WAIT_ACK
                    || (x.state == Exchange.WAIT_RESPONSE && !x.confirmable && type == CoapType.RST);
            if (!waiting || x.messageId != mid) {
                continue;
            }
            if (type == CoapType.RST) {
                fail(x, FailureReason.RESET);
            } else if (CoapCode.isResponse(inbound.code()) && inbound.tokenLength() == tokenLength
                    && inbound.tokenAsLong() == x.token && inbound.unrecognizedCriticalOption() < 0) {
                deliver(x, inbound);
            } else {
                x.state = Exchange.WAIT_RESPONSE;
                x.deadline = now + responseTimeout;
            }
            return;
        }
    }

    private void onConOrNon(CoapMessage inbound, boolean con, long now) {
        int mid = inbound.messageId();
        int slot = seen.find(mid, now);
        if (slot >= 0) {
            duplicates++;
            int reply = seen.reply(slot);
            if (con && reply != MessageIdCache.NO_REPLY) {
                sendEmpty(reply == MessageIdCache.ACK ? CoapType.ACK : CoapType.RST, mid);
            }
            return;
        }
        long expiry = now + (con ? exchangeLifetime : nonLifetime);
        Exchange x = CoapCode.isResponse(inbound.code()) ? byToken(inbound) : null;
        if (x == null || (con && inbound.unrecognizedCriticalOption() >= 0)) {
            seen.remember(mid, expiry, con ? MessageIdCache.RST : MessageIdCache.NO_REPLY, now);
            if (con) {
                sendEmpty(CoapType.RST, mid);
            }
            return;
        }
        seen.remember(mid, expiry, con ? MessageIdCache.ACK : MessageIdCache.NO_REPLY, now);
        if (con) {
            sendEmpty(CoapType.ACK, mid);
        }
        deliver(x, inbound);
    }

    private Exchange byToken(CoapMessage inbound) {
        long token = inbound.tokenAsLong();
        for (Exchange x : pool) {
            if ((x.state == Exchange.WAIT_ACK || x.state == Exchange.WAIT_RESPONSE)
                    && inbound.tokenLength() == tokenLength && x.token == token) {
                return x;
            }
        }
        return null;
    }

    private void deliver(Exchange x, CoapMessage inbound) {
        ResponseHandler h = x.handler;
        x.free(buffers);
        h.onResponse(inbound);
    }

    private void fail(Exchange x, FailureReason reason) {
        ResponseHandler h = x.handler;
        x.free(buffers);
        h.onFailure(reason);
    }

    private void startQueued(long now) {
        while (true) {
            int outstanding = 0;
            Exchange first = null;
            for (Exchange x : pool) {
                if (x.outstanding()) {
                    outstanding++;
                } else if (x.state == Exchange.QUEUED && (first == null || x.order < first.order)) {
                    first = x;
                }
            }
            if (first == null || outstanding >= nstart) {
                return;
            }
            transmit(first, now);
        }
    }

    private void transmit(Exchange x, long now) {
        x.setMessageId(nextMessageId);
        nextMessageId = (nextMessageId + 1) & 0xFFFF;
        x.retransmits = 0;
        if (x.confirmable) {
            long spread = ackTimeout * (randomFactorPercent - 100) / 100;
            x.timeout = ackTimeout + (spread > 0 ? (long) (random.nextDouble() * (spread + 1)) : 0);
            x.state = Exchange.WAIT_ACK;
            x.deadline = now + x.timeout;
        } else {
            x.state = Exchange.WAIT_RESPONSE;
            x.deadline = now + responseTimeout;
        }
        out.send(x.wire, 0, x.wireLength);
    }

    private void sendEmpty(CoapType type, int mid) {
        empty[0] = (byte) (0x40 | type.value() << 4);
        empty[1] = 0;
        empty[2] = (byte) (mid >> 8);
        empty[3] = (byte) mid;
        out.send(empty, 0, 4);
    }

    private Exchange freeSlot() {
        for (Exchange x : pool) {
            if (x.state == Exchange.FREE) {
                return x;
            }
        }
        return null;
    }

    private long tokenMask() {
        return tokenLength == 8 ? -1L : (1L << (8 * tokenLength)) - 1;
    }
}
