package io.fieldlink.protocol.coap.client;

import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapDecoder;
import io.fieldlink.protocol.coap.CoapEncoder;
import io.fieldlink.protocol.coap.CoapFormatException;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;

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
 * <p>Memory: requests live in a fixed pool of {@link CoapClientConfig#maxPendingRequests()} slots;
 * steady-state operation allocates nothing (a malformed datagram costs one exception).
 * Observe notifications beyond the first response are not supported (they are answered with RST).
 */
public class CoapClient {
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
    private final CoapEncoder encoder;
    private final CoapMessage inbound = new CoapMessage();
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
        this.encoder = new CoapEncoder(cfg.maxMessageSize(), cfg.maxMessageSize());
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
        x.request.copyFrom(request);
        x.token = nextToken++ & tokenMask();
        x.request.setToken(x.token, tokenLength);
        x.request.setMessageId(0);
        encoder.encode(x.request);
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
            onAckOrReset(type, now);
        } else {
            onConOrNon(type == CoapType.CON, now);
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

    private void onAckOrReset(CoapType type, long now) {
        int mid = inbound.messageId();
        for (Exchange x : pool) {
            boolean waiting = x.state == Exchange.WAIT_ACK
                    || (x.state == Exchange.WAIT_RESPONSE && !x.confirmable && type == CoapType.RST);
            if (!waiting || x.request.messageId() != mid) {
                continue;
            }
            if (type == CoapType.RST) {
                fail(x, FailureReason.RESET);
            } else if (CoapCode.isResponse(inbound.code()) && x.request.tokenEquals(inbound)
                    && inbound.unrecognizedCriticalOption() < 0) {
                deliver(x);
            } else {
                x.state = Exchange.WAIT_RESPONSE;
                x.deadline = now + responseTimeout;
            }
            return;
        }
    }

    private void onConOrNon(boolean con, long now) {
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
        Exchange x = CoapCode.isResponse(inbound.code()) ? byToken() : null;
        if (x == null || (con && inbound.unrecognizedCriticalOption() >= 0)) {
            seen.remember(mid, expiry, con ? MessageIdCache.RST : MessageIdCache.NO_REPLY);
            if (con) {
                sendEmpty(CoapType.RST, mid);
            }
            return;
        }
        seen.remember(mid, expiry, con ? MessageIdCache.ACK : MessageIdCache.NO_REPLY);
        if (con) {
            sendEmpty(CoapType.ACK, mid);
        }
        deliver(x);
    }

    private Exchange byToken() {
        long token = inbound.tokenAsLong();
        for (Exchange x : pool) {
            if ((x.state == Exchange.WAIT_ACK || x.state == Exchange.WAIT_RESPONSE)
                    && inbound.tokenLength() == tokenLength && x.token == token) {
                return x;
            }
        }
        return null;
    }

    private void deliver(Exchange x) {
        ResponseHandler h = x.handler;
        x.free();
        h.onResponse(inbound);
    }

    private void fail(Exchange x, FailureReason reason) {
        ResponseHandler h = x.handler;
        x.free();
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
        x.request.setMessageId(nextMessageId);
        nextMessageId = (nextMessageId + 1) & 0xFFFF;
        encoder.encode(x.request);
        x.keepWire(encoder.buffer(), encoder.size());
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
