package io.fieldlink.protocol.coap.client;

/**
 * Transmission parameters of a {@link CoapClient}, each with its RFC 7252 §4.8 default. Setters
 * reject values out of range with {@link IllegalArgumentException} naming the parameter; the client
 * copies the values at construction, so later changes do not affect it.
 */
public class CoapClientConfig {
    private long ackTimeoutMillis = 2000;
    private int ackRandomFactorPercent = 150;
    private int maxRetransmit = 4;
    private int nstart = 1;
    private long responseTimeoutMillis = -1;
    private int maxPendingRequests = 8;
    private int duplicateCacheSize = 32;
    private int tokenLength = 4;
    private int maxMessageSize = 1152;

    /** ACK_TIMEOUT in ms (default 2000): the shortest first retransmission timeout. */
    public long ackTimeoutMillis() {
        return ackTimeoutMillis;
    }

    public CoapClientConfig ackTimeoutMillis(long v) {
        ackTimeoutMillis = check("ackTimeoutMillis", v, 1, 3600000L);
        return this;
    }

    /** ACK_RANDOM_FACTOR in percent (default 150, i.e. 1.5); at least 100. */
    public int ackRandomFactorPercent() {
        return ackRandomFactorPercent;
    }

    public CoapClientConfig ackRandomFactorPercent(int v) {
        ackRandomFactorPercent = (int) check("ackRandomFactorPercent", v, 100, 1000);
        return this;
    }

    /** MAX_RETRANSMIT (default 4). */
    public int maxRetransmit() {
        return maxRetransmit;
    }

    public CoapClientConfig maxRetransmit(int v) {
        maxRetransmit = (int) check("maxRetransmit", v, 0, 20);
        return this;
    }

    /** NSTART (default 1): outstanding interactions at a time; more requests wait in order. */
    public int nstart() {
        return nstart;
    }

    public CoapClientConfig nstart(int v) {
        nstart = (int) check("nstart", v, 1, 64);
        return this;
    }

    /** MAX_TRANSMIT_SPAN in ms: ACK_TIMEOUT * (2^MAX_RETRANSMIT - 1) * ACK_RANDOM_FACTOR (45 s by default). */
    public long maxTransmitSpanMillis() {
        return ackTimeoutMillis * ((1L << maxRetransmit) - 1) * ackRandomFactorPercent / 100;
    }

    /** EXCHANGE_LIFETIME in ms: MAX_TRANSMIT_SPAN + 2 * MAX_LATENCY (100 s) + PROCESSING_DELAY (247 s by default). */
    public long exchangeLifetimeMillis() {
        return maxTransmitSpanMillis() + 200000 + ackTimeoutMillis;
    }

    /** NON_LIFETIME in ms: MAX_TRANSMIT_SPAN + MAX_LATENCY (145 s by default). */
    public long nonLifetimeMillis() {
        return maxTransmitSpanMillis() + 100000;
    }

    /**
     * How long to wait for a separate response after an empty ACK, or for the response to a NON
     * request, in ms; defaults to EXCHANGE_LIFETIME.
     */
    public long responseTimeoutMillis() {
        return responseTimeoutMillis < 0 ? exchangeLifetimeMillis() : responseTimeoutMillis;
    }

    public CoapClientConfig responseTimeoutMillis(long v) {
        responseTimeoutMillis = check("responseTimeoutMillis", v, 1, 86400000L);
        return this;
    }

    /** Requests that may be in flight or queued at once (default 8); {@code request} refuses more. */
    public int maxPendingRequests() {
        return maxPendingRequests;
    }

    public CoapClientConfig maxPendingRequests(int v) {
        maxPendingRequests = (int) check("maxPendingRequests", v, 1, 1024);
        return this;
    }

    /**
     * Inbound message ids remembered for duplicate detection (default 32). An id is remembered for
     * EXCHANGE_LIFETIME (CON) or NON_LIFETIME (NON) unless the cache is full, when the oldest goes first:
     * size it above the number of messages the peer sends in that time.
     */
    public int duplicateCacheSize() {
        return duplicateCacheSize;
    }

    public CoapClientConfig duplicateCacheSize(int v) {
        duplicateCacheSize = (int) check("duplicateCacheSize", v, 1, 65536);
        return this;
    }

    /** Token length in bytes of the client's requests (default 4). */
    public int tokenLength() {
        return tokenLength;
    }

    public CoapClientConfig tokenLength(int v) {
        tokenLength = (int) check("tokenLength", v, 1, 8);
        return this;
    }

    /** The largest request the client encodes, in bytes (default 1152, RFC 7252 §4.6). */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    public CoapClientConfig maxMessageSize(int v) {
        maxMessageSize = (int) check("maxMessageSize", v, 16, 65507);
        return this;
    }

    private static long check(String name, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + v);
        }
        return v;
    }
}
