package io.fieldlink.host.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.AlarmLevel;
import io.fieldlink.protocol.record.CommandResult;
import io.fieldlink.protocol.record.Sale;
import io.fieldlink.protocol.record.ShutIn;
import io.fieldlink.protocol.record.TokenRedemption;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlPack;
import io.fieldlink.protocol.senml.SenmlRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link BatchReader#read} reads a batch in one pass (the protocol's {@code UplinkBatchReader}, its
 * scratch pack and resolved names kept per thread) and must give what decoding the whole batch first
 * and then turning each record into its uplink gave ({@link ReferenceBatchReader}, the reader before
 * the one-pass reader): the same uplinks, or the same refusal with the same reason and message, also when a batch
 * is wrong in more than one place (the protocol's error wins over the host's, an earlier record's
 * over a later one's).
 */
class BatchReaderOnePassTest {
    private static final long AT = 1_763_683_200_000L;
    private static final long NOW = AT + 86_400_000L;

    static List<Uplink> reference(byte[] payload, String device, long receivedAt) {
        return ReferenceBatchReader.read(payload, device, receivedAt);
    }

    private static String outcome(Supplier<List<Uplink>> read) {
        try {
            return "ok " + read.get();
        } catch (MalformedUplinkException e) {
            return "refused " + e.reason() + ": " + e.getMessage();
        }
    }

    private static void assertSameAsReference(byte[] in, String what) {
        String onePass = outcome(() -> BatchReader.read(in, "m1", NOW));
        String ref = outcome(() -> reference(in, "m1", NOW));
        assertThat(onePass).as(what + ": " + HexFormat.of().formatHex(in)).isEqualTo(ref);
    }

    private static SenmlPack meter(long seq) {
        SenmlPack p = new SenmlPack();
        p.add().baseName("m:").name("voltage").unit("V").value(229.5 + seq % 7);
        p.add().name("current").unit("A").value(1.25);
        p.add().name("energy").unit("Wh").sum(1000 + seq);
        return p;
    }

    private static byte[] batch(UplinkRecord... r) {
        return new UplinkBatch(List.of(r)).encode();
    }

    @Test
    void readsTheMeterBatchAsTheReferenceDoesAndSharesChannelNames() {
        List<UplinkRecord> records = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            records.add(UplinkRecord.telemetry(i, AT + i * 1000L, meter(i)));
        }
        byte[] in = new UplinkBatch(records).encode();

        List<Uplink> got = BatchReader.read(in, "m1", NOW);

        assertThat(got).isEqualTo(reference(in, "m1", NOW)).hasSize(20);
        assertThat(got.get(3).readings()).containsExactly(new Reading("m:voltage", AT + 4000, 233.5),
                new Reading("m:current", AT + 4000, 1.25), new Reading("m:energy:sum", AT + 4000, 1004));
        // one String per channel across records and batches, so the committer finds them by identity
        List<Uplink> again = BatchReader.read(in, "m1", NOW);
        assertThat(again.get(0).readings().get(0).channel()).isSameAs(got.get(19).readings().get(0).channel());
        assertThat(again.get(0).readings().get(2).channel()).isSameAs(got.get(5).readings().get(2).channel());
    }

    @Test
    void aProtocolErrorInALaterRecordWinsOverTheHostsRefusalOfAnEarlierOne() {
        SenmlPack nan = new SenmlPack();
        nan.add().name("v").value(Double.NaN);
        byte[] good = batch(UplinkRecord.telemetry(1, AT, nan), UplinkRecord.telemetry(2, AT, meter(2)));
        byte[] bad = Arrays.copyOf(good, good.length - 3);

        assertThatThrownBy(() -> BatchReader.read(good, "m1", NOW)).isInstanceOf(MalformedUplinkException.class)
                .hasMessage("batch.records[0].body.senml[0].v: must be finite, got NaN");
        assertThatThrownBy(() -> BatchReader.read(bad, "m1", NOW)).isInstanceOf(MalformedUplinkException.class)
                .hasMessageStartingWith("batch: ");
        assertSameAsReference(bad, "truncated after a NaN");
    }

    @Test
    void theFirstRefusedRecordIsNamedWhenSeveralAreWrong() {
        SenmlPack empty = new SenmlPack();
        empty.add().value(1);
        byte[] in = batch(UplinkRecord.telemetry(1, AT, meter(1)), UplinkRecord.telemetry(0, AT, meter(2)),
                UplinkRecord.telemetry(3, AT, empty));

        assertThatThrownBy(() -> BatchReader.read(in, "m1", NOW)).isInstanceOf(MalformedUplinkException.class)
                .hasMessageStartingWith("batch.records[1].seq: 0 is not");
        assertSameAsReference(in, "seq 0 then an empty name");
    }

    @Test
    void aRefusedBatchLeavesNothingForTheNextOnTheSameThread() {
        SenmlPack bad = new SenmlPack();
        bad.add().name("bad name").value(1);
        byte[] refused = batch(UplinkRecord.telemetry(1, AT, meter(1)), UplinkRecord.telemetry(2, AT, bad));
        assertThatThrownBy(() -> BatchReader.read(refused, "m1", NOW)).isInstanceOf(MalformedUplinkException.class)
                .hasMessageContaining("batch.records[1].body.senml[0]: resolved name \"bad name\"");

        byte[] next = batch(UplinkRecord.telemetry(5, AT, meter(5)));
        assertThat(BatchReader.read(next, "m2", NOW)).isEqualTo(reference(next, "m2", NOW)).hasSize(1);
    }

    @Test
    void generatedAndMutatedBatchesGiveWhatTheReferenceGives() {
        Random random = new Random(6);
        for (int run = 0; run < 4_000; run++) {
            byte[] seed = generate(random);
            byte[] in = run % 3 == 0 ? seed : mutate(seed, random);
            assertSameAsReference(in, "run " + run);
        }
    }

    private static byte[] generate(Random random) {
        int n = 1 + random.nextInt(5);
        List<UplinkRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long seq = random.nextInt(25) == 0 ? (random.nextBoolean() ? 0 : -5) : 1 + random.nextInt(100);
            long at = random.nextInt(30) == 0 ? 300_000_000_000_000L : AT + random.nextInt(100_000);
            switch (random.nextInt(8)) {
                case 0 -> records.add(UplinkRecord.event(seq, at, new Sale(3, 10, 950_000, 9_500, 1000, 2000, 1)));
                case 1 -> records.add(UplinkRecord.event(seq, at, random.nextBoolean()
                        ? new Alarm("p", AlarmLevel.values()[0], 3.5, true)
                        : new TokenRedemption(-2L, TokenRedemption.KIND_BOOKING, 1, 0)));
                case 2 -> records.add(UplinkRecord.event(seq, at, random.nextBoolean() ? ShutIn.latched(ShutIn.CAUSE_PSH, 9)
                        : CommandResult.refused(4, "no")));
                default -> records.add(UplinkRecord.telemetry(seq, at, pack(random)));
            }
        }
        return new UplinkBatch(records).encode();
    }

    private static SenmlPack pack(Random random) {
        SenmlPack p = new SenmlPack();
        int n = 1 + random.nextInt(4);
        String[] names = {"voltage", "current", "energy", "relay", "bad name", ""};
        for (int i = 0; i < n; i++) {
            SenmlRecord r = p.add();
            if (i == 0 && random.nextBoolean()) {
                r.baseName(random.nextBoolean() ? "m:" : "dev/");
            }
            if (random.nextInt(5) == 0) {
                r.baseTime(random.nextInt(10) == 0 ? 1e12 : random.nextInt(100));
            }
            if (random.nextInt(12) != 0) {
                r.name(names[random.nextInt(random.nextInt(10) == 0 ? names.length : 4)]);
            }
            if (random.nextBoolean()) {
                r.unit("V");
            }
            if (random.nextInt(8) == 0) {
                r.time(-random.nextInt(60));
            }
            switch (random.nextInt(7)) {
                case 0 -> r.stringValue("eco");
                case 1 -> r.boolValue(random.nextBoolean());
                case 2 -> r.dataValue(new byte[] {1, 2});
                case 3 -> r.sum(random.nextInt(30) == 0 ? Double.POSITIVE_INFINITY : random.nextInt(5000));
                case 4 -> r.value(random.nextInt(30) == 0 ? Double.NaN : random.nextDouble() * 300).sum(random.nextInt(9));
                default -> {
                    if (random.nextInt(20) != 0) {
                        r.value(random.nextInt(400));
                    }
                }
            }
        }
        return p;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b;
        switch (random.nextInt(3)) {
            case 0 -> b = Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            case 1 -> {
                b = seed.clone();
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            default -> {
                b = seed.clone();
                int at = random.nextInt(b.length);
                b[at] = (byte) (b[at] ^ (1 << random.nextInt(8)));
            }
        }
        return b;
    }
}
