package io.fieldlink.host.coap;

import io.fieldlink.host.ingest.Ingest;
import io.fieldlink.host.ingest.MalformedUplinkException;
import io.fieldlink.host.ingest.SenmlUplinks;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.Device;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * {@code POST /telemetry}: a plain SenML pack (content-format 110 SenML-JSON or 112 SenML-CBOR)
 * from any standard CoAP client. Answers 2.04 after the pack is committed; 4.00 with the reason
 * when it is malformed (nothing stored); 4.15 for another content-format; 5.03 when the ingest
 * queue is full.
 */
final class TelemetryResource extends UplinkResource {
    static final int SENML_JSON = 110;
    static final int SENML_CBOR = 112;

    TelemetryResource(DeviceIdentity identity, Ingest ingest, HostMetrics metrics, Clock clock, int maxPayload) {
        super("telemetry", identity, ingest, metrics, clock, maxPayload);
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        Optional<Device> device = authorise(exchange);
        if (device.isEmpty() || !payloadFits(exchange)) {
            return;
        }
        int format = exchange.getRequestOptions().getContentFormat();
        Uplink uplink;
        try {
            if (format == SENML_JSON) {
                uplink = SenmlUplinks.json(exchange.getRequestPayload(), device.get().id(), clock.millis());
            } else if (format == SENML_CBOR) {
                uplink = SenmlUplinks.cbor(exchange.getRequestPayload(), device.get().id(), clock.millis());
            } else {
                metrics.reject("content-format");
                exchange.respond(ResponseCode.UNSUPPORTED_CONTENT_FORMAT,
                        "content-format must be 110 (senml+json) or 112 (senml+cbor)", MediaTypeRegistry.TEXT_PLAIN);
                return;
            }
        } catch (MalformedUplinkException e) {
            reject(exchange, e);
            return;
        }
        store(exchange, uplink, ResponseCode.CHANGED, null);
    }
}
