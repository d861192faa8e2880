package io.fieldlink.host.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogEntriesTest {
    private static final Uplink A = new Uplink("m-1", 7, List.of(new Reading("voltage", 1_000L, 229.5),
            new Reading("energy", 1_000L, 12_345)), List.of(new Event("relay", 1_001L, "{\"on\":true}")), 5_000L);
    private static final Uplink B = new Uplink("m-1", 8, List.of(new Reading("voltage", 2_000L, -0.0)), List.of(), 5_000L);

    @Test
    void anUplinkABatchAndAHelloReadBackAsWritten() {
        LogEntries.Entry one = LogEntries.decode(LogEntries.uplink(A));
        assertThat(one.kind()).isEqualTo(LogEntries.Kind.UPLINK);
        assertThat(one.uplinks()).containsExactly(A);

        LogEntries.Entry batch = LogEntries.decode(LogEntries.batch("m-1", List.of(A, B), 6_000L));
        assertThat(batch.kind()).isEqualTo(LogEntries.Kind.BATCH);
        assertThat(batch.device()).isEqualTo("m-1");
        assertThat(batch.receivedAt()).isEqualTo(6_000L);
        assertThat(batch.uplinks()).containsExactly(A, B);

        Uplink plain = new Uplink("pump-ü", -1, List.of(), List.of(new Event("sale", 3L, "x".repeat(70_000))), 9L);
        assertThat(LogEntries.decode(LogEntries.uplink(plain)).uplinks()).containsExactly(plain);

        LogEntries.Entry hello = LogEntries.decode(LogEntries.hello("w-3", "1.2.0", 42, 7_000L));
        assertThat(hello.kind()).isEqualTo(LogEntries.Kind.HELLO);
        assertThat(hello).extracting(LogEntries.Entry::device, LogEntries.Entry::firmware, LogEntries.Entry::bootCount,
                LogEntries.Entry::receivedAt).containsExactly("w-3", "1.2.0", 42L, 7_000L);
    }

    @Test
    void bytesThatAreNotAnEntryAreRefusedByName() {
        byte[] good = LogEntries.batch("m-1", List.of(A, B), 6_000L);
        for (int cut = 0; cut < good.length; cut++) {
            byte[] part = Arrays.copyOf(good, cut);
            assertThatThrownBy(() -> LogEntries.decode(part)).as("cut at %d", cut).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> LogEntries.decode(longer)).hasMessageContaining("bytes after the end");
        assertThatThrownBy(() -> LogEntries.decode(new byte[] {9})).hasMessageContaining("unknown ingest log entry kind 9");
    }

    @Test
    void aRawBatchReadsBackAsTheUplinksTheBatchReaderMakesOfItsPayload() {
        List<io.fieldlink.protocol.record.UplinkRecord> records = new java.util.ArrayList<>();
        for (long seq = 3; seq <= 5; seq++) {
            io.fieldlink.protocol.senml.SenmlPack p = new io.fieldlink.protocol.senml.SenmlPack();
            p.add().name("energy").unit("Wh").sum(1000 + seq);
            p.add().name("v").value(seq + 0.5);
            records.add(io.fieldlink.protocol.record.UplinkRecord.telemetry(seq, 1_763_683_200_000L + seq * 1000, p));
        }
        byte[] payload = new io.fieldlink.protocol.record.UplinkBatch(records).encode();
        LogEntries.Entry e = LogEntries.decode(LogEntries.rawBatch("m-ü", payload, 6_000L));
        assertThat(e.kind()).as("replayed like a batch").isEqualTo(LogEntries.Kind.BATCH);
        assertThat(e.device()).isEqualTo("m-ü");
        assertThat(e.receivedAt()).isEqualTo(6_000L);
        assertThat(e.uplinks()).isEqualTo(BatchReader.read(payload, "m-ü", 6_000L)).hasSize(3);

        byte[] good = LogEntries.rawBatch("m-1", payload, 6_000L);
        for (int cut = 0; cut < good.length; cut++) {
            byte[] part = Arrays.copyOf(good, cut);
            assertThatThrownBy(() -> LogEntries.decode(part)).as("cut at %d", cut).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] garbled = LogEntries.rawBatch("m-1", new byte[] {(byte) 0xff, 1, 2}, 6_000L);
        assertThatThrownBy(() -> LogEntries.decode(garbled)).hasMessageContaining("does not decode");
    }
}
