package io.fieldlink.host.ingest;

import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.CborRecord;
import io.fieldlink.protocol.record.CommandResult;
import io.fieldlink.protocol.record.Sale;
import io.fieldlink.protocol.record.ShutIn;
import io.fieldlink.protocol.record.TokenRedemption;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkBatchReader;
import io.fieldlink.protocol.senml.ResolvedNames;
import io.fieldlink.protocol.senml.SenmlPack;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link UplinkBatch} payload into one {@link Uplink} per record, keeping each record's
 * own seq and times: telemetry is resolved ({@link SenmlUplinks}) against the
 * record's {@code occurredAt} (so relative SenML times count from when it happened, not from when
 * it arrived); numeric values and sums become readings ({@code name}, {@code name:sum}), string,
 * boolean and data values become events; sales, token redemptions, alarms, shut-ins and command
 * results become events ({@code sale}, {@code token-redemption}, {@code alarm}, {@code shut-in},
 * {@code command-result}: {@code {"command": id, "outcome": "applied"|"refused", "reason": ...}}) at
 * {@code occurredAt} with their fields as JSON. All or nothing: one bad record refuses the batch.
 * One pass over the payload ({@link UplinkBatchReader}); thread-safe (each thread keeps its own
 * decoder: reader, scratch pack, resolved names).
 */
public final class BatchReader {
    private BatchReader() {
    }

    /**
     * @param device the authenticated device
     * @param receivedAt the host's receive time, epoch ms
     * @return the records as uplinks, in the order sent
     * @throws MalformedUplinkException (reason {@code record}) whose message names the bad field,
     *         e.g. {@code batch.records[2].sale.grams: ...}
     */
    public static List<Uplink> read(byte[] payload, String device, long receivedAt) {
        return DECODERS.get().read(payload, device, receivedAt);
    }

    /** One decoder per thread (CoAP threads, the committer's replay): its reader, pack and names are reused. */
    private static final ThreadLocal<Decoder> DECODERS = ThreadLocal.withInitial(Decoder::new);

    /**
     * Reads a batch in one pass ({@link UplinkBatchReader}), turning each record into its uplink as
     * it is read. A record the host refuses (seq, times, numbers) is remembered, not thrown at once:
     * the batch is first read to its end, so a batch that is malformed in a later record as well is
     * refused for that, as when the whole batch was decoded before any record was looked at.
     */
    private static final class Decoder implements UplinkBatchReader.Records {
        private final UplinkBatchReader reader = new UplinkBatchReader();
        private final SenmlPack resolved = new SenmlPack();
        private final ResolvedNames names = new ResolvedNames();
        private String device;
        private long receivedAt;
        private List<Uplink> out;
        private MalformedUplinkException refused;

        List<Uplink> read(byte[] payload, String device, long receivedAt) {
            this.device = device;
            this.receivedAt = receivedAt;
            restart();
            try {
                reader.read(payload, this);
            } catch (ProtocolException e) {
                throw new MalformedUplinkException("record", e.getMessage());
            }
            List<Uplink> read = out;
            MalformedUplinkException first = refused;
            out = null;
            refused = null;
            if (first != null) {
                throw first;
            }
            return read;
        }

        @Override
        public void restart() {
            out = new ArrayList<>();
            refused = null;
        }

        @Override
        public void telemetry(int index, long seq, long occurredAtMs, SenmlPack pack) {
            if (refused != null || !seqAccepted(index, seq)) {
                return;
            }
            List<Reading> readings = new ArrayList<>(pack.size() + 1);
            List<Event> events = new ArrayList<>(0);
            try {
                SenmlUplinks.resolveInto(pack, occurredAtMs, index, resolved, names, readings, events);
            } catch (MalformedUplinkException e) {
                refused = e;
                return;
            }
            out.add(new Uplink(device, seq, readings, events, receivedAt));
        }

        @Override
        public void event(int index, long seq, long occurredAtMs, int kind, CborRecord event) {
            if (refused != null || !seqAccepted(index, seq)) {
                return;
            }
            List<Event> events = new ArrayList<>(1);
            try {
                events.add(BatchReader.event(event, occurredAtMs));
            } catch (MalformedUplinkException e) {
                refused = e;
                return;
            }
            out.add(new Uplink(device, seq, new ArrayList<>(0), events, receivedAt));
        }

        /** @return true when {@code seq} is one this host stores; else remembers why not */
        private boolean seqAccepted(int index, long seq) {
            if (seq == 0) {
                refused = new MalformedUplinkException("record", path(index)
                        + ".seq: 0 is not a sequence number; a device's seqs start at 1");
            } else if (seq < 0) {
                refused = new MalformedUplinkException("record", path(index) + ".seq: " + Long.toUnsignedString(seq)
                        + " is above 2^63-1, which this host does not accept");
            }
            return refused == null;
        }
    }

    /** @return how error messages name record {@code i} of a batch */
    static String path(int i) {
        return "batch.records[" + i + "]";
    }

    /** @return the event stored for {@code e} at {@code at} */
    static Event event(CborRecord e, long at) {
        JsonWriter w = new JsonWriter().beginObject();
        String type;
        if (e instanceof Sale s) {
            type = "sale";
            unsigned(w, "tokenId", s.tokenId()).field("grams", s.grams()).field("unitPrice", s.unitPriceMilliPerKg())
                    .field("amount", s.amountMilli()).field("start", s.startMs()).field("end", s.endMs())
                    .field("pump", s.pump());
        } else if (e instanceof TokenRedemption t) {
            type = "token-redemption";
            unsigned(w, "tokenId", t.tokenId())
                    .field("kind", t.kind() == TokenRedemption.KIND_CREDIT ? "credit" : "booking")
                    .field("reason", t.reasonCode()).field("accepted", t.accepted()).field("amount", t.amount());
        } else if (e instanceof Alarm a) {
            type = "alarm";
            w.field("channel", a.channel()).field("level", a.level().label()).name("value").value(a.value())
                    .field("raised", a.raised());
        } else if (e instanceof ShutIn s) {
            type = "shut-in";
            w.field("cause", s.cause() == ShutIn.CAUSE_PSH ? "PSH" : "PSL").name("value").value(s.valueKpa())
                    .field("state", s.isLatched() ? "latched" : "reset");
            if (s.by() != null) {
                w.field("by", s.by());
            }
        } else if (e instanceof CommandResult c) {
            type = "command-result";
            unsigned(w, "command", c.commandId()).field("outcome", c.applied() ? "applied" : "refused");
            if (c.reason() != null) {
                w.field("reason", c.reason());
            }
        } else {
            throw new MalformedUplinkException("record", "not an uplink event: " + e.recordName());
        }
        return new Event(type, at, w.endObject().toString());
    }

    /** Writes a uint64 as a JSON number, or as a decimal string when it is above 2^63-1. */
    private static JsonWriter unsigned(JsonWriter w, String name, long bits) {
        return bits >= 0 ? w.field(name, bits) : w.field(name, Long.toUnsignedString(bits));
    }
}
