package io.fieldlink.host.ingest;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link BatchReader#read} as it was before the one-pass reader (test code, the oracle of
 * {@code BatchReaderOnePassTest} and the "before" of {@code BatchReadBenchmark}): decode the whole
 * batch ({@link UplinkBatch#decode}), then turn each record into its uplink.
 */
public final class ReferenceBatchReader {
    private ReferenceBatchReader() {
    }

    /** @throws MalformedUplinkException as {@link BatchReader#read} */
    public static List<Uplink> read(byte[] payload, String device, long receivedAt) {
        UplinkBatch batch;
        try {
            batch = UplinkBatch.decode(payload);
        } catch (ProtocolException e) {
            throw new MalformedUplinkException("record", e.getMessage());
        }
        List<Uplink> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            UplinkRecord r = batch.get(i);
            if (r.seq() == 0) {
                throw new MalformedUplinkException("record", BatchReader.path(i)
                        + ".seq: 0 is not a sequence number; a device's seqs start at 1");
            }
            if (r.seq() < 0) {
                throw new MalformedUplinkException("record", BatchReader.path(i) + ".seq: "
                        + Long.toUnsignedString(r.seq()) + " is above 2^63-1, which this host does not accept");
            }
            List<Reading> readings = new ArrayList<>();
            List<Event> events = new ArrayList<>();
            if (r.kind() == UplinkRecord.TELEMETRY) {
                SenmlUplinks.resolveInto(r.telemetry(), r.occurredAtMs(), i, readings, events);
            } else {
                events.add(BatchReader.event(r.event(), r.occurredAtMs()));
            }
            out.add(new Uplink(device, r.seq(), readings, events, receivedAt));
        }
        return out;
    }
}
