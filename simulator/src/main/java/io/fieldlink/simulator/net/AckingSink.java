package io.fieldlink.simulator.net;

import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapDecoder;
import io.fieldlink.protocol.coap.CoapEncoder;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import io.fieldlink.protocol.coap.ContentFormat;
import io.fieldlink.protocol.record.Ack;
import io.fieldlink.protocol.record.Command;
import io.fieldlink.protocol.record.HelloAnswer;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * No host at all: an in-process sink that answers every board at once, so a run measures the boards
 * (firmware core, simulated HAL, physics, scheduler) alone. A hello gets the fleet's time; an
 * {@code up} batch is acknowledged record by record, exactly as the host would acknowledge a batch it
 * stored (contiguous sequence numbers from the board's first, ranges beyond a gap); anything else
 * gets 4.04. A request seen again (same message id and token: a network duplicate or a board's
 * retransmission) gets the same answer again, as from the host's de-duplication. Nothing is stored,
 * so there is nothing to read back: the anchor for "how fast can the boards go", not a check of the
 * host. Answers are given on the caller's thread.
 */
public final class AckingSink implements HostPort {
    private static final Command[] NO_COMMANDS = new Command[0];
    private static final int REPLAYS = 2;
    private final LongSupplier clock;
    /** One encoder per calling thread (the fleet's shards answer their boards on their own threads). */
    private final ThreadLocal<CoapEncoder> encoders = ThreadLocal.withInitial(CoapEncoder::new);
    /** Per device: the highest sequence number received with every one before it (as the host keeps it). */
    private final Map<String, long[]> contiguous = new ConcurrentHashMap<>();

    /** @param clock the time a hello answer carries (the fleet's host time), epoch ms */
    public AckingSink(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public Connection connect(String deviceId, byte[] psk, Inbound inbound) {
        long[] highest = contiguous.computeIfAbsent(deviceId, d -> new long[1]);
        return new Connection() {
            /** The last few exchanges answered (message id and token) and their answers. */
            private final long[] answeredIds = new long[REPLAYS];
            private final byte[][] answers = new byte[REPLAYS][];
            private int nextReplay;

            @Override
            public void send(byte[] datagram) {
                CoapMessage m;
                try {
                    m = CoapDecoder.decode(datagram);
                } catch (RuntimeException e) {
                    return; // the host drops what it cannot parse
                }
                if (m.type() != CoapType.CON || m.code() < CoapCode.GET || m.code() > CoapCode.IPATCH) {
                    return;
                }
                long exchange = ((long) m.messageId() << 48) ^ m.tokenAsLong() ^ ((long) m.tokenLength() << 40);
                synchronized (answers) {
                    for (int i = 0; i < REPLAYS; i++) {
                        if (answers[i] != null && answeredIds[i] == exchange) {
                            inbound.datagram(answers[i].clone());
                            return;
                        }
                    }
                }
                CoapMessage r = new CoapMessage().setType(CoapType.ACK).setMessageId(m.messageId())
                        .setToken(m.copyToken());
                String path = m.uriPath();
                try {
                    if (path.equals("hello")) {
                        r.setCode(CoapCode.CHANGED).setContentFormat(ContentFormat.CBOR)
                                .setPayload(new HelloAnswer(clock.getAsLong(), NO_COMMANDS).encode());
                    } else if (path.equals("up")) {
                        r.setCode(CoapCode.CHANGED).setContentFormat(ContentFormat.CBOR).setPayload(ack(m.copyPayload()));
                    } else {
                        r.setCode(CoapCode.NOT_FOUND);
                    }
                } catch (RuntimeException e) {
                    r.setCode(CoapCode.BAD_REQUEST);
                }
                CoapEncoder encoder = encoders.get();
                encoder.encode(r);
                byte[] out = encoder.toByteArray();
                synchronized (answers) {
                    answeredIds[nextReplay] = exchange;
                    answers[nextReplay] = out.clone();
                    nextReplay = (nextReplay + 1) % REPLAYS;
                }
                inbound.datagram(out);
            }

            private byte[] ack(byte[] payload) {
                UplinkBatch batch = UplinkBatch.decode(payload);
                long[] ranges = new long[0];
                for (UplinkRecord rec : batch.records()) {
                    long seq = rec.seq();
                    if (seq == highest[0] + 1) {
                        highest[0] = seq;
                    } else if (seq > highest[0] + 1) {
                        ranges = java.util.Arrays.copyOf(ranges, ranges.length + 2);
                        ranges[ranges.length - 2] = seq;
                        ranges[ranges.length - 1] = seq;
                    }
                }
                return new Ack(highest[0], ranges, NO_COMMANDS).encode();
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    @Override
    public String describe() {
        return "sink (no host: every request acknowledged in-process)";
    }

    @Override
    public void close() {
        // nothing held
    }
}
