package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborException;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;
import io.fieldlink.protocol.cbor.CborWriter;

/**
 * The payload of a signed {@link CommandType#TARIFF}: a time-of-use tariff for one meter.
 *
 * <pre>{0: version 1, 1: device id (text), 2: tariff id (uint), 3: effective from (uint, epoch ms),
 *  4: bands (array of [start minute of day (uint, 0..1439), price (uint, milli-units per kWh)];
 *  the first starts at 0, starts strictly ascending)}</pre>
 */
public final class TariffBody extends CborRecord {
    public static final long VERSION = 1;

    private final String deviceId;
    private final long tariffId;
    private final long effectiveFromMs;
    private final long[] bands;

    /** @param bands flattened pairs: startMinute0, milliPerKwh0, startMinute1, milliPerKwh1 ... */
    public TariffBody(String deviceId, long tariffId, long effectiveFromMs, long[] bands) {
        this.deviceId = Check.text(deviceId, "tariff.deviceId");
        this.tariffId = Check.unsigned(tariffId, "tariff.tariffId");
        this.effectiveFromMs = Check.unsigned(effectiveFromMs, "tariff.effectiveFrom");
        if (bands.length < 2 || bands.length % 2 != 0 || bands[0] != 0) {
            throw new RecordException("tariff.bands: needs [start, price] pairs, the first starting at minute 0");
        }
        for (int i = 0; i < bands.length; i += 2) {
            if (bands[i] > 1439 || (i > 0 && bands[i] <= bands[i - 2]) || bands[i + 1] < 0) {
                throw new RecordException("tariff.bands[" + i / 2 + "]: start must ascend within 0..1439, price >= 0");
            }
        }
        this.bands = bands.clone();
    }

    public String deviceId() {
        return deviceId;
    }

    public long tariffId() {
        return tariffId;
    }

    public long effectiveFromMs() {
        return effectiveFromMs;
    }

    /** Flattened [startMinute, milliPerKwh] pairs (a copy). */
    public long[] bands() {
        return bands.clone();
    }

    @Override
    public String recordName() {
        return "tariff";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(5).writeInt(0).writeInt(VERSION).writeInt(1).writeText(deviceId).writeInt(2).writeInt(tariffId)
                .writeInt(3).writeInt(effectiveFromMs).writeInt(4).writeArrayHeader(bands.length / 2);
        for (int i = 0; i < bands.length; i += 2) {
            w.writeArrayHeader(2).writeInt(bands[i]).writeInt(bands[i + 1]);
        }
    }

    public static TariffBody decode(byte[] payload) {
        FieldMap m = FieldMap.read(payload, "tariff", VERSION);
        CborReader r = m.reader(4, "bands", CborType.ARRAY, "array");
        long[] bands;
        int i = 0;
        try {
            int n = r.readArrayHeader();
            if (n < 0) {
                throw m.invalid("bands", "must have a definite length");
            }
            bands = new long[n * 2];
            for (; i < n; i++) {
                if (r.readArrayHeader() != 2) {
                    throw m.invalid("bands[" + i + "]", "expected [start, price]");
                }
                bands[2 * i] = r.readInt();
                bands[2 * i + 1] = r.readInt();
            }
        } catch (CborException e) {
            throw new RecordException("tariff.bands[" + i + "]: " + e.getMessage(), e);
        }
        return new TariffBody(m.text(1, "deviceId"), m.uint(2, "tariffId"), m.uint(3, "effectiveFrom"), bands);
    }
}
