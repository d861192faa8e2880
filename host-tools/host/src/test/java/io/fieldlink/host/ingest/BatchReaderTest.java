package io.fieldlink.host.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.record.ShutIn;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlPack;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchReaderTest {
    private static final long AT = 1_763_683_200_000L;
    private static final long NOW = AT + 7L * 86_400_000L;

    private static byte[] batch(UplinkRecord... r) {
        return new UplinkBatch(List.of(r)).encode();
    }

    @Test
    void relativeSenmlTimesCountFromWhenTheRecordHappenedNotFromArrival() {
        SenmlPack p = new SenmlPack();
        p.add().name("v").value(230).time(-10);
        p.add().name("e").value(1).sum(5000);
        List<Uplink> u = BatchReader.read(batch(UplinkRecord.telemetry(9, AT, p)), "m1", NOW);
        assertThat(u).hasSize(1);
        assertThat(u.get(0).seq()).isEqualTo(9);
        assertThat(u.get(0).receivedAt()).isEqualTo(NOW);
        assertThat(u.get(0).readings()).containsExactly(new Reading("v", AT - 10_000, 230), new Reading("e", AT, 1),
                new Reading("e:sum", AT, 5000));
    }

    @Test
    void stringAndBooleanValuesBecomeEvents() {
        SenmlPack p = new SenmlPack();
        p.add().name("relay").boolValue(false);
        p.add().name("mode").stringValue("eco");
        List<Uplink> u = BatchReader.read(batch(UplinkRecord.telemetry(1, AT, p)), "m1", NOW);
        assertThat(u.get(0).events()).containsExactly(new Event("relay", AT, "{\"vb\":false}"),
                new Event("mode", AT, "{\"vs\":\"eco\"}"));
    }

    @Test
    void shutInResetNamesTheTechnician() {
        List<Uplink> u = BatchReader.read(batch(UplinkRecord.event(3, AT, ShutIn.reset(ShutIn.CAUSE_PSL, 120, "ana"))),
                "w1", NOW);
        assertThat(u.get(0).events()).containsExactly(
                new Event("shut-in", AT, "{\"cause\":\"PSL\",\"value\":120,\"state\":\"reset\",\"by\":\"ana\"}"));
    }

    @Test
    void seqAboveSignedRangeIsRefusedNamingTheField() {
        SenmlPack p = new SenmlPack();
        p.add().name("v").value(1);
        assertThatThrownBy(() -> BatchReader.read(batch(UplinkRecord.telemetry(-1L, AT, p)), "m1", NOW))
                .isInstanceOf(MalformedUplinkException.class).hasMessageContaining("batch.records[0].seq");
    }

    @Test
    void seqZeroIsRefusedRatherThanTakenForAnAcknowledgedRecord() {
        SenmlPack p = new SenmlPack();
        p.add().name("v").value(1);
        assertThatThrownBy(() -> BatchReader.read(batch(UplinkRecord.telemetry(0L, AT, p)), "m1", NOW))
                .isInstanceOf(MalformedUplinkException.class).hasMessageContaining("batch.records[0].seq: 0");
    }

    @Test
    void nonFiniteValueIsRefusedNamingTheRecord() {
        SenmlPack ok = new SenmlPack();
        ok.add().name("v").value(1);
        SenmlPack nan = new SenmlPack();
        nan.add().name("v").value(Double.NaN);
        assertThatThrownBy(() -> BatchReader.read(batch(UplinkRecord.telemetry(1, AT, ok),
                UplinkRecord.telemetry(2, AT, nan)), "m1", NOW))
                .isInstanceOf(MalformedUplinkException.class).hasMessageContaining("batch.records[1].body.senml[0].v");
    }

    @Test
    void notABatchIsRefused() {
        assertThatThrownBy(() -> BatchReader.read(new byte[] {0x01}, "m1", NOW))
                .isInstanceOf(MalformedUplinkException.class).hasMessageContaining("batch");
    }
}
