package io.fieldlink.host.coap;

import io.fieldlink.host.command.CommandDelivery;
import io.fieldlink.host.ingest.Ingest;
import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.Device;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.record.Command;
import io.fieldlink.protocol.record.Hello;
import io.fieldlink.protocol.record.HelloAnswer;
import io.fieldlink.protocol.record.ProtocolResource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * {@code POST /hello}: a {@link Hello} (content-format 60). Records the firmware version, boot count
 * and last-seen time in the registry, then answers 2.04 with a {@link HelloAnswer} carrying the
 * host's time and the device's open commands (queued or sent, oldest first, up to
 * {@link BatchResource#COMMAND_BYTES}). 4.00 naming the field when the record does not decode; 4.03 when it names another
 * board id or another board kind than the device was provisioned with. Nothing is stored on a refusal.
 */
final class HelloResource extends UplinkResource {
    private final CommandDelivery commands;

    HelloResource(DeviceIdentity identity, Ingest ingest, HostMetrics metrics, Clock clock, int maxPayload,
            CommandDelivery commands) {
        super(ProtocolResource.HELLO.path(), identity, ingest, metrics, clock, maxPayload);
        this.commands = commands;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        Optional<Device> found = authorise(exchange);
        if (found.isEmpty() || !payloadFits(exchange) || !isCbor(exchange)) {
            return;
        }
        Device device = found.get();
        Hello hello;
        try {
            hello = Hello.decode(exchange.getRequestPayload());
        } catch (ProtocolException e) {
            reject(exchange, "record", e.getMessage());
            return;
        }
        if (!hello.boardId().equals(device.id())) {
            forbid(exchange, "hello.boardId: '" + hello.boardId() + "' is not this device ('" + device.id() + "')");
            return;
        }
        if (!hello.boardKind().equals(device.board().wireName())) {
            forbid(exchange, "hello.boardKind: '" + hello.boardKind() + "' but " + device.id() + " is provisioned as "
                    + device.board().wireName());
            return;
        }
        long now = clock.millis();
        ingest.hello(device.id(), hello.firmwareVersion(), hello.bootCount(), now).whenComplete((ok, error) -> {
            if (error != null) {
                storeFailed(exchange, error, device.id());
            } else {
                List<Command> open = commands.deliverable(device.id(), BatchResource.COMMAND_BYTES);
                exchange.respond(ResponseCode.CHANGED,
                        new HelloAnswer(clock.millis(), open.toArray(new Command[0])).encode(),
                        MediaTypeRegistry.APPLICATION_CBOR);
                commands.sent(device.id(), open);
            }
        });
    }
}
