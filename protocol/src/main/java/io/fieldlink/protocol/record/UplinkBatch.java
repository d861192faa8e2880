package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborException;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;
import io.fieldlink.protocol.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a device POSTs to {@code up}: its unacknowledged records, oldest first (backfill included,
 * each with its original occurrence time).
 *
 * <pre>{0: version 1, 1: records (array of uplink records)}</pre>
 */
public final class UplinkBatch extends CborRecord {
    public static final long VERSION = 1;

    private final List<UplinkRecord> records;

    public UplinkBatch(List<UplinkRecord> records) {
        this.records = new ArrayList<UplinkRecord>(Check.present(records, "batch.records"));
    }

    /** The records in the order sent; the list is a copy. */
    public List<UplinkRecord> records() {
        return new ArrayList<UplinkRecord>(records);
    }

    public int size() {
        return records.size();
    }

    public UplinkRecord get(int i) {
        return records.get(i);
    }

    @Override
    public String recordName() {
        return "batch";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(2).writeInt(0).writeInt(VERSION).writeInt(1).writeArrayHeader(records.size());
        for (int i = 0; i < records.size(); i++) {
            records.get(i).encode(w);
        }
    }

    /** @throws RecordException naming the bad field, e.g. {@code batch.records[2].sale.grams: ...} */
    public static UplinkBatch decode(byte[] encoded) {
        FieldMap m = FieldMap.read(encoded, "batch", VERSION);
        // the records are read where they lie in the payload (it was checked well-formed above), one
        // field map reused for all of them; each record's path is spelled out only if an error names it
        CborReader r = m.inPlace(1, "records", CborType.ARRAY, "array");
        List<UplinkRecord> list = new ArrayList<UplinkRecord>();
        FieldMap fields = null;
        int i = 0;
        try {
            int n = r.readArrayHeader();
            if (n > 0) {
                list = new ArrayList<UplinkRecord>(n);
            }
            for (; n < 0 ? !r.isBreak() : i < n; i++) {
                fields = FieldMap.readIndexed(r, m.backing(1), "batch.records", i, UplinkRecord.VERSION, fields);
                list.add(UplinkRecord.from(fields));
            }
        } catch (CborException e) {
            throw new RecordException("batch.records[" + i + "]: " + e.getMessage(), e);
        }
        return new UplinkBatch(list, true);
    }

    /** Takes {@code records} over without a copy (the decoder's own list). */
    private UplinkBatch(List<UplinkRecord> records, boolean owned) {
        this.records = records;
    }
}
