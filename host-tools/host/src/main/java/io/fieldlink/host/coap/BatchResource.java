package io.fieldlink.host.coap;

import io.fieldlink.host.command.CommandDelivery;
import io.fieldlink.host.ingest.Acknowledged;
import io.fieldlink.host.ingest.BatchReader;
import io.fieldlink.host.ingest.Ingest;
import io.fieldlink.host.ingest.MalformedUplinkException;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.metrics.HostMetrics;
import io.fieldlink.host.registry.Device;
import io.fieldlink.protocol.record.Ack;
import io.fieldlink.protocol.record.Command;
import io.fieldlink.protocol.record.ProtocolResource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * {@code POST /up}: an {@code UplinkBatch} (content-format 60) from the device named by its DTLS
 * PSK identity (or {@code ?d=} on plain CoAP). The whole batch is decoded and validated first;
 * then each (device, seq) not stored before is stored in one commit, and only after that commit
 * the answer is 2.04 with an {@link Ack} covering everything now stored of the device's seqs
 * (a repeated batch is acknowledged again, not stored twice) and the device's open commands
 * (computed after that commit, so a command whose result the batch carried is not sent again).
 * 4.00 naming the field when any
 * record is malformed (nothing stored); 4.03 for {@code ?d=} naming another device; 4.15 for
 * another content-format; 5.03 when the ingest queue is full. The answer is encoded and sent on the
 * exchange's CoAP thread after the commit has completed, not on the committer thread.
 */
final class BatchResource extends UplinkResource {
    /** Most ranges reported beyond the contiguous part; the device resends what falls outside. */
    static final int MAX_RANGES = 32;
    /** Budget for the commands on one response, so it fits a board's datagram (the oldest goes anyway). */
    static final int COMMAND_BYTES = 512;
    private final CommandDelivery commands;

    BatchResource(DeviceIdentity identity, Ingest ingest, HostMetrics metrics, Clock clock, int maxPayload,
            CommandDelivery commands) {
        super(ProtocolResource.UPLINK.path(), identity, ingest, metrics, clock, maxPayload);
        this.commands = commands;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        Optional<Device> found = authorise(exchange);
        if (found.isEmpty() || !payloadFits(exchange) || !isCbor(exchange)) {
            return;
        }
        String device = found.get().id();
        long now = clock.millis();
        List<Uplink> uplinks;
        byte[] payload = exchange.getRequestPayload();
        try {
            uplinks = BatchReader.read(payload, device, now);
        } catch (MalformedUplinkException e) {
            reject(exchange, e);
            return;
        }
        // the answer is built and sent on the exchange's own CoAP thread, not on the committer's
        // (which completes the future once the group is durable, and goes on to the next group)
        ingest.submitBatch(device, uplinks, payload, now, MAX_RANGES).whenComplete((outcome, error) ->
                exchange.advanced().execute(() -> answer(exchange, device, outcome, error)));
    }

    /** 2.04 with the Ack and the device's open commands once the batch is durable; else the store's failure. */
    private void answer(CoapExchange exchange, String device, Ingest.BatchOutcome outcome, Throwable error) {
        if (error != null) {
            storeFailed(exchange, error, device);
            return;
        }
        Acknowledged a = outcome.acknowledged();
        List<Command> open = commands.deliverable(device, COMMAND_BYTES);
        exchange.respond(ResponseCode.CHANGED,
                new Ack(a.highestContiguous(), a.ranges(), open.toArray(new Command[0])).encode(),
                MediaTypeRegistry.APPLICATION_CBOR);
        commands.sent(device, open);
    }
}
