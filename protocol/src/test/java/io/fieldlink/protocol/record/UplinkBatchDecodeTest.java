package io.fieldlink.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.cbor.CborValue;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.senml.SenmlCbor;
import io.fieldlink.protocol.senml.SenmlException;
import io.fieldlink.protocol.senml.SenmlPack;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link UplinkBatch#decode} reads its records in place with one field map reused from record to
 * record and hands each telemetry pack it decoded to the first {@link UplinkRecord#telemetry()}: no
 * field of one record may show through in the next, and every error still names the record.
 */
class UplinkBatchDecodeTest {
    private static final long AT = 1_763_683_200_000L;

    private static SenmlPack pack(int i) {
        SenmlPack p = new SenmlPack();
        p.add().baseName("m:").name("voltage").unit("V").value(229.5 + i);
        p.add().name("energy").unit("Wh").sum(1000 + i);
        return p;
    }

    private static CborValue record(long seq, CborValue body) {
        return CborValue.map(CborValue.of(0), CborValue.of(1), CborValue.of(1), CborValue.of(seq), CborValue.of(2),
                CborValue.of(AT), CborValue.of(3), CborValue.of(1), CborValue.of(4), body);
    }

    private static CborValue telemetryBody(int i) {
        return CborValue.decode(SenmlCbor.encode(pack(i)));
    }

    private static byte[] batch(CborValue... records) {
        return CborValue.map(CborValue.of(0), CborValue.of(1), CborValue.of(1), CborValue.array(records)).encode();
    }

    @Test
    void manyRecordsDecodeWithTheirOwnFieldsAndPacks() {
        List<UplinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            records.add(i % 5 == 3
                    ? UplinkRecord.event(i + 1, AT + i, new Sale(i, 10 + i, 950_000, 11_875, 1000, 2000, 1))
                    : UplinkRecord.telemetry(i + 1, AT + i, pack(i)));
        }
        UplinkBatch batch = new UplinkBatch(records);

        UplinkBatch back = UplinkBatch.decode(batch.encode());

        assertThat(back).isEqualTo(batch);
        assertThat(back.size()).isEqualTo(25);
        for (int i = 0; i < 25; i++) {
            assertThat(back.get(i).seq()).isEqualTo(i + 1);
            assertThat(back.get(i).occurredAtMs()).isEqualTo(AT + i);
            if (i % 5 == 3) {
                assertThat(((Sale) back.get(i).event()).grams()).isEqualTo(10 + i);
            } else {
                assertThat(back.get(i).telemetry()).isEqualTo(pack(i));
            }
        }
    }

    @Test
    void everyTelemetryCallGetsAPackOfItsOwn() {
        UplinkBatch back = UplinkBatch.decode(new UplinkBatch(List.of(UplinkRecord.telemetry(1, AT, pack(0)))).encode());
        UplinkRecord r = back.get(0);

        SenmlPack first = r.telemetry();
        first.get(0).value(-1);
        first.add().name("extra").value(1);
        SenmlPack second = r.telemetry();

        assertThat(second).isNotSameAs(first).isEqualTo(pack(0));
        assertThat(r.telemetry()).isNotSameAs(second).isEqualTo(pack(0));
    }

    @Test
    void indefiniteLengthRecordsArrayIsRead() {
        CborWriter w = new CborWriter(256);
        w.writeMapHeader(2).writeInt(0).writeInt(1).writeInt(1).writeRaw(new byte[] {(byte) 0x9f}, 0, 1);
        byte[] r0 = record(1, telemetryBody(0)).encode();
        byte[] r1 = record(2, telemetryBody(1)).encode();
        w.writeRaw(r0, 0, r0.length).writeRaw(r1, 0, r1.length).writeRaw(new byte[] {(byte) 0xff}, 0, 1);

        UplinkBatch back = UplinkBatch.decode(w.toByteArray());

        assertThat(back.size()).isEqualTo(2);
        assertThat(back.get(1).seq()).isEqualTo(2);
        assertThat(back.get(1).telemetry()).isEqualTo(pack(1));
    }

    @Test
    void aFieldOfOneRecordDoesNotShowThroughInTheNext() {
        CborValue noKind = CborValue.map(CborValue.of(0), CborValue.of(1), CborValue.of(1), CborValue.of(2),
                CborValue.of(2), CborValue.of(AT), CborValue.of(4), telemetryBody(1));
        assertThatThrownBy(() -> UplinkBatch.decode(batch(record(1, telemetryBody(0)), noKind)))
                .isInstanceOf(RecordException.class).hasMessage("batch.records[1].kind: missing (key 3)");
    }

    @Test
    void errorsInALaterRecordNameIt() {
        CborValue duplicate = CborValue.map(CborValue.of(0), CborValue.of(1), CborValue.of(1), CborValue.of(2),
                CborValue.of(1), CborValue.of(3));
        assertThatThrownBy(() -> UplinkBatch.decode(batch(record(1, telemetryBody(0)), record(2, telemetryBody(1)),
                duplicate))).hasMessage("batch.records[2]: duplicate key 1");

        CborValue version2 = CborValue.map(CborValue.of(0), CborValue.of(2));
        assertThatThrownBy(() -> UplinkBatch.decode(batch(record(1, telemetryBody(0)), version2)))
                .hasMessage("batch.records[1].version: unsupported 2 (this build reads 1)");

        assertThatThrownBy(() -> UplinkBatch.decode(batch(record(1, telemetryBody(0)), CborValue.of(7))))
                .hasMessage("batch.records[1]: expected map, found unsigned integer");

        CborValue textKey = CborValue.map(CborValue.text("seq"), CborValue.of(1));
        assertThatThrownBy(() -> UplinkBatch.decode(batch(textKey)))
                .hasMessage("batch.records[0]: key must be an unsigned integer, found text");

        assertThatThrownBy(() -> UplinkBatch.decode(batch(record(1, telemetryBody(0)), record(2, CborValue.of(1)))))
                .hasMessage("batch.records[1].body: expected SenML array, found unsigned integer");
    }

    @Test
    void aBadPackNamesTheRecordAndKeepsTheOffsetsOfThePackOnItsOwn() {
        // a name that is not UTF-8: the offset in the message counts from the start of the pack
        byte[] badName = {(byte) 0x81, (byte) 0xa2, 0x00, 0x62, (byte) 0xc3, 0x28, 0x02, 0x01};
        String alone = "";
        try {
            SenmlCbor.decode(badName);
        } catch (SenmlException e) {
            alone = e.getMessage();
        }
        assertThat(alone).startsWith("senml[0]: ").contains("offset 5");
        String expected = "batch.records[1].body: " + alone;

        CborWriter w = new CborWriter(256);
        byte[] r0 = record(1, telemetryBody(0)).encode();
        w.writeMapHeader(2).writeInt(0).writeInt(1).writeInt(1).writeArrayHeader(2).writeRaw(r0, 0, r0.length)
                .writeMapHeader(5).writeInt(0).writeInt(1).writeInt(1).writeInt(2).writeInt(2).writeInt(AT).writeInt(3)
                .writeInt(1).writeInt(4).writeRaw(badName, 0, badName.length);
        byte[] withBadName = w.toByteArray();
        assertThatThrownBy(() -> UplinkBatch.decode(withBadName)).isInstanceOf(RecordException.class).hasMessage(expected);

        CborValue textValue = CborValue.array(CborValue.map(CborValue.of(0), CborValue.text("a"), CborValue.of(2),
                CborValue.text("x")));
        assertThatThrownBy(() -> UplinkBatch.decode(batch(record(1, telemetryBody(0)), record(2, telemetryBody(1)),
                record(3, textValue)))).hasMessage("batch.records[2].body: senml[0].v: expected number, found text");
    }
}
