package io.fieldlink.firmware.uplink;

import io.fieldlink.firmware.hal.memory.MemoryClock;
import io.fieldlink.firmware.hal.memory.MemoryNetwork;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapDecoder;
import io.fieldlink.protocol.coap.CoapEncoder;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import io.fieldlink.protocol.coap.ContentFormat;
import io.fieldlink.protocol.record.Ack;
import io.fieldlink.protocol.record.Command;
import io.fieldlink.protocol.record.Hello;
import io.fieldlink.protocol.record.HelloAnswer;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A host stand-in on a {@link MemoryNetwork}: decodes what the board sent with the protocol's
 * {@link CoapDecoder}, answers {@code hello} with a {@link HelloAnswer} and {@code up} with an
 * {@link Ack} (piggy-backed), stores each (seq) once, and can lose its answers.
 */
public final class FakeHost {
    public final MemoryNetwork network;
    public final TreeMap<Long, UplinkRecord> stored = new TreeMap<>();
    public final List<Long> arrivalOrder = new ArrayList<>();
    public final List<Hello> hellos = new ArrayList<>();
    public final List<Command> pendingCommands = new ArrayList<>();
    public long hostTimeMs = 1_763_700_000_000L;
    public int batches;
    public int resent;
    public int answersToLose;
    public boolean down;
    /** Seqs the host loses the first time they arrive (so later ones are stored out of order). */
    public final java.util.Set<Long> loseOnce = new java.util.HashSet<>();

    public FakeHost(MemoryNetwork network) {
        this.network = network;
    }

    /**
     * Runs {@code board}'s event loop and this host together for {@code ms} of fake time: each due task
     * runs, the host answers what it sent, and the clock jumps to the next due instant (never past the end).
     */
    public void runWith(Board board, MemoryClock clock, long ms) {
        long end = clock.monotonicMillis() + ms;
        while (true) {
            board.loop().runDue();
            serve();
            long now = clock.monotonicMillis();
            long next = board.loop().nextDueMillis();
            if (next > end) {
                clock.advance(Math.max(0, end - now));
                board.loop().runDue();
                serve();
                return;
            }
            clock.advance(Math.max(0, next - now));
        }
    }

    /** Answers everything the board has sent so far. @return requests seen */
    public int serve() {
        int n = 0;
        byte[] d;
        while ((d = network.takeSent()) != null) {
            if (down) {
                continue;
            }
            CoapMessage m = CoapDecoder.decode(d);
            if (m.type() != CoapType.CON || !CoapCode.isRequest(m.code())) {
                continue;
            }
            n++;
            byte[] answer;
            if (m.uriPath().equals("hello")) {
                hellos.add(Hello.decode(m.copyPayload()));
                answer = new HelloAnswer(hostTimeMs, takeCommands()).encode();
            } else if (m.uriPath().equals("up")) {
                answer = receive(UplinkBatch.decode(m.copyPayload())).encode();
            } else {
                answer = null;
            }
            if (answersToLose > 0) {
                answersToLose--;
                continue;
            }
            CoapMessage r = new CoapMessage().setType(CoapType.ACK).setMessageId(m.messageId())
                    .setToken(m.copyToken());
            if (answer == null) {
                r.setCode(CoapCode.NOT_FOUND);
            } else {
                r.setCode(CoapCode.CHANGED).setContentFormat(ContentFormat.CBOR).setPayload(answer);
            }
            CoapEncoder enc = new CoapEncoder();
            enc.encode(r);
            network.deliver(enc.toByteArray());
        }
        return n;
    }

    private Ack receive(UplinkBatch batch) {
        batches++;
        for (int i = 0; i < batch.size(); i++) {
            UplinkRecord r = batch.get(i);
            if (loseOnce.remove(r.seq())) {
                continue;
            }
            if (stored.putIfAbsent(r.seq(), r) != null) {
                resent++;
            } else {
                arrivalOrder.add(r.seq());
            }
        }
        long ack = 0;
        while (stored.containsKey(ack + 1)) {
            ack++;
        }
        List<Long> ranges = new ArrayList<>();
        for (long s : stored.tailMap(ack + 1).keySet()) {
            if (!ranges.isEmpty() && ranges.get(ranges.size() - 1) == s - 1) {
                ranges.set(ranges.size() - 1, s);
            } else {
                ranges.add(s);
                ranges.add(s);
            }
        }
        long[] flat = new long[ranges.size()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = ranges.get(i);
        }
        return new Ack(ack, flat, takeCommands());
    }

    private Command[] takeCommands() {
        Command[] c = pendingCommands.toArray(new Command[0]);
        pendingCommands.clear();
        return c;
    }
}
