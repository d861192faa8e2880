package io.fieldlink.host.coap;

import io.fieldlink.host.ingest.Ingest;
import io.fieldlink.host.ingest.MalformedUplinkException;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.Device;
import io.fieldlink.host.store.QueueFullException;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.tinylog.Logger;

/**
 * What every resource that takes data from a device shares: who sent it, the payload limit, and
 * answering only after the commit. Handlers run on Californium's threads; responses to stored
 * uplinks are sent after the commit's completion, on the exchange's own CoAP thread.
 */
abstract class UplinkResource extends CoapResource {
    protected final DeviceIdentity identity;
    protected final Ingest ingest;
    protected final HostMetrics metrics;
    protected final Clock clock;
    private final int maxPayload;

    UplinkResource(String name, DeviceIdentity identity, Ingest ingest, HostMetrics metrics, Clock clock,
            int maxPayload) {
        super(name);
        this.identity = identity;
        this.ingest = ingest;
        this.metrics = metrics;
        this.clock = clock;
        this.maxPayload = maxPayload;
    }

    /**
     * @return the sending device, or empty after answering 4.01 (unknown device) or 4.03 (a
     *         {@code d} query naming another device than the DTLS identity)
     */
    protected Optional<Device> authorise(CoapExchange exchange) {
        Optional<Device> d = identity.of(exchange);
        if (d.isEmpty()) {
            metrics.reject("unknown-device");
            exchange.respond(ResponseCode.UNAUTHORIZED, "unknown device", MediaTypeRegistry.TEXT_PLAIN);
            return d;
        }
        String named = exchange.getQueryParameter("d");
        if (named != null && !named.equals(d.get().id())) {
            return forbid(exchange, "d=" + named + " names another device than this one ('" + d.get().id() + "')");
        }
        return d;
    }

    /** Answers 4.03 with {@code reason}; @return empty */
    protected Optional<Device> forbid(CoapExchange exchange, String reason) {
        metrics.reject("other-device");
        exchange.respond(ResponseCode.FORBIDDEN, reason, MediaTypeRegistry.TEXT_PLAIN);
        return Optional.empty();
    }

    /** @return true when the request is CBOR (60) or names no format; otherwise answers 4.15 */
    protected boolean isCbor(CoapExchange exchange) {
        int format = exchange.getRequestOptions().getContentFormat();
        if (format != MediaTypeRegistry.UNDEFINED && format != MediaTypeRegistry.APPLICATION_CBOR) {
            metrics.reject("content-format");
            exchange.respond(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, "content-format must be 60 (application/cbor)",
                    MediaTypeRegistry.TEXT_PLAIN);
            return false;
        }
        return true;
    }

    /** Answers 4.00 with a record decoder's message, which names the bad field. */
    protected void reject(CoapExchange exchange, String reason, String message) {
        metrics.reject(reason);
        exchange.respond(ResponseCode.BAD_REQUEST, message, MediaTypeRegistry.TEXT_PLAIN);
    }

    /** Answers a failed commit: 5.03 with Max-Age 1 when the queue is full, else 5.00. */
    protected void storeFailed(CoapExchange exchange, Throwable error, String device) {
        Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (e instanceof QueueFullException) {
            metrics.reject("queue-full");
            exchange.setMaxAge(1);
            exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "busy, retry", MediaTypeRegistry.TEXT_PLAIN);
        } else {
            Logger.error(e, "storing for {} failed", device);
            metrics.reject("store-failed");
            exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, "store failed", MediaTypeRegistry.TEXT_PLAIN);
        }
    }

    /** @return true when the payload is within the limit; otherwise answers 4.13 */
    protected boolean payloadFits(CoapExchange exchange) {
        if (exchange.getRequestPayloadSize() > maxPayload) {
            metrics.reject("too-large");
            exchange.respond(ResponseCode.REQUEST_ENTITY_TOO_LARGE, "payload larger than " + maxPayload + " bytes",
                    MediaTypeRegistry.TEXT_PLAIN);
            return false;
        }
        return true;
    }

    /** Answers 4.00 with the reason. */
    protected void reject(CoapExchange exchange, MalformedUplinkException e) {
        metrics.reject(e.reason());
        exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage(), MediaTypeRegistry.TEXT_PLAIN);
    }

    /**
     * Stores {@code uplink} and answers {@code success} (with {@code body}, may be null) after the
     * commit, 5.03 when the queue is full, 5.00 when the store failed.
     */
    protected void store(CoapExchange exchange, Uplink uplink, ResponseCode success, byte[] body) {
        // answered on the exchange's CoAP thread once the commit has completed, not on the committer's
        ingest.submit(uplink).whenComplete((outcome, error) -> exchange.advanced().execute(() -> {
            if (error == null) {
                if (body == null) {
                    exchange.respond(success);
                } else {
                    exchange.respond(success, body, MediaTypeRegistry.APPLICATION_CBOR);
                }
            } else if (error instanceof QueueFullException) {
                metrics.reject("queue-full");
                exchange.setMaxAge(1);
                exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "busy, retry", MediaTypeRegistry.TEXT_PLAIN);
            } else {
                Logger.error(error, "storing an uplink from {} failed", uplink.device());
                metrics.reject("store-failed");
                exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, "store failed", MediaTypeRegistry.TEXT_PLAIN);
            }
        }));
    }
}
