package io.fieldlink.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.senml.SenmlCbor;
import io.fieldlink.protocol.senml.SenmlPack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link UplinkBatchReader} reads a batch in one pass and must accept exactly what
 * {@link UplinkBatch#decode} accepts, hand over the same records, and refuse with the reference's
 * message: checked on hand-made cases and differentially on generated and mutated batches (definite
 * and indefinite lengths, fields in any order, unknown keys and labels, events, deep nesting).
 */
class UplinkBatchReaderTest {
    private static final long AT = 1_763_683_200_000L;

    /** Records what a reader hands over, as comparable text. */
    private static class Collected implements UplinkBatchReader.Records {
        final List<String> records = new ArrayList<>();
        final List<SenmlPack> packs = new ArrayList<>();
        int restarts;

        @Override
        public void restart() {
            restarts++;
            records.clear();
            packs.clear();
        }

        @Override
        public void telemetry(int index, long seq, long occurredAtMs, SenmlPack pack) {
            records.add(index + " " + seq + " " + occurredAtMs + " telemetry " + Hex.encode(SenmlCbor.encode(pack)));
            packs.add(pack);
        }

        @Override
        public void event(int index, long seq, long occurredAtMs, int kind, CborRecord event) {
            records.add(index + " " + seq + " " + occurredAtMs + " " + kind + " " + Hex.encode(event.encode()));
        }
    }

    /** What the reference decoder makes of {@code in}, in {@link Collected}'s terms, or its error. */
    private static List<String> reference(byte[] in) {
        UplinkBatch b;
        try {
            b = UplinkBatch.decode(in);
        } catch (ProtocolException e) {
            return List.of("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Collected c = new Collected();
        for (int i = 0; i < b.size(); i++) {
            UplinkRecord r = b.get(i);
            if (r.kind() == UplinkRecord.TELEMETRY) {
                c.telemetry(i, r.seq(), r.occurredAtMs(), r.telemetry());
            } else {
                c.event(i, r.seq(), r.occurredAtMs(), r.kind(), r.event());
            }
        }
        return c.records;
    }

    private static List<String> onePass(UplinkBatchReader reader, byte[] in) {
        Collected c = new Collected();
        try {
            reader.read(in, c);
        } catch (ProtocolException e) {
            return List.of("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return c.records;
    }

    private static SenmlPack pack(int i) {
        SenmlPack p = new SenmlPack();
        p.add().baseName("m:").name("voltage").unit("V").value(229.5 + i);
        p.add().name("current").unit("A").value(1.25);
        p.add().name("energy").unit("Wh").sum(1000 + i);
        return p;
    }

    @Test
    void handsOverTheRecordsTheReferenceDecodes() {
        List<UplinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(i % 7 == 3 ? UplinkRecord.event(i + 1, AT + i, ShutIn.reset(ShutIn.CAUSE_PSL, 120, "ana"))
                    : UplinkRecord.telemetry(i + 1, AT + i, pack(i)));
        }
        byte[] in = new UplinkBatch(records).encode();
        UplinkBatchReader reader = new UplinkBatchReader();
        Collected c = new Collected();

        reader.read(in, c);

        assertThat(c.records).hasSize(20).isEqualTo(reference(in));
        assertThat(c.restarts).isZero();
    }

    @Test
    void namesAndUnitsSeenBeforeAreTheSameStrings() {
        UplinkBatchReader reader = new UplinkBatchReader();
        byte[] in = new UplinkBatch(List.of(UplinkRecord.telemetry(1, AT, pack(0)))).encode();
        String[] first = new String[2];
        reader.read(in, new Collected() {
            @Override
            public void telemetry(int index, long seq, long occurredAtMs, SenmlPack pack) {
                first[0] = pack.get(0).name();
                first[1] = pack.get(0).unit();
            }
        });
        byte[] again = new UplinkBatch(List.of(UplinkRecord.telemetry(2, AT, pack(5)))).encode();
        reader.read(again, new Collected() {
            @Override
            public void telemetry(int index, long seq, long occurredAtMs, SenmlPack pack) {
                assertThat(pack.get(0).name()).isEqualTo("voltage").isSameAs(first[0]);
                assertThat(pack.get(0).unit()).isEqualTo("V").isSameAs(first[1]);
                assertThat(pack.get(0).value()).isEqualTo(234.5);
            }
        });
    }

    @Test
    void aBodyBeforeItsKindIsReadAfterTheRecord() {
        CborWriter w = new CborWriter();
        w.writeMapHeader(2).writeInt(1).writeArrayHeader(1);
        byte[] body = SenmlCbor.encode(pack(1));
        w.writeMapHeader(5).writeInt(4).writeRaw(body, 0, body.length).writeInt(0).writeInt(1).writeInt(2).writeInt(AT)
                .writeInt(1).writeInt(7).writeInt(3).writeInt(1);
        w.writeInt(0).writeInt(1);
        byte[] in = w.toByteArray();

        List<String> got = onePass(new UplinkBatchReader(), in);

        assertThat(got).hasSize(1).isEqualTo(reference(in));
        assertThat(got.get(0)).startsWith("0 7 " + AT + " telemetry ");
    }

    @Test
    void aMalformedLaterRecordVoidsTheRecordsHandedOverAndNamesTheRecord() {
        byte[] good = new UplinkBatch(List.of(UplinkRecord.telemetry(1, AT, pack(0)),
                UplinkRecord.telemetry(2, AT, pack(1)))).encode();
        // the second pack's base name text "m:" does not appear again; corrupt its 'energy' name's first byte
        byte[] bad = good.clone();
        int at = lastIndexOf(bad, "energy".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        bad[at] = (byte) 0xff;
        Collected c = new Collected();

        assertThatThrownBy(() -> new UplinkBatchReader().read(bad, c)).isInstanceOf(RecordException.class)
                .hasMessage(reference(bad).get(0).substring("error RecordException: ".length()))
                .hasMessageStartingWith("batch.records[1].body: senml[2]");
        assertThat(c.restarts).isEqualTo(1);
        assertThat(c.records).isEmpty();
    }

    @Test
    void truncatedAndNonBatchPayloadsAreRefusedAsTheReferenceRefusesThem() {
        byte[] good = new UplinkBatch(List.of(UplinkRecord.telemetry(1, AT, pack(0)))).encode();
        UplinkBatchReader reader = new UplinkBatchReader();
        for (int len = 0; len < good.length; len++) {
            byte[] cut = Arrays.copyOf(good, len);
            assertThat(onePass(reader, cut)).as("cut at %d", len).isEqualTo(reference(cut)).hasSize(1);
            assertThat(onePass(reader, cut).get(0)).startsWith("error RecordException: batch");
        }
        assertThat(onePass(reader, new byte[] {0x01})).isEqualTo(reference(new byte[] {0x01}));
    }

    @Test
    void anIndefinitePackOfMoreRecordsThanAContainerMayHoldIsRefused() {
        CborWriter w = new CborWriter();
        w.writeMapHeader(2).writeInt(0).writeInt(1).writeInt(1).writeArrayHeader(1);
        w.writeMapHeader(5).writeInt(0).writeInt(1).writeInt(1).writeInt(1).writeInt(2).writeInt(AT).writeInt(3).writeInt(1)
                .writeInt(4);
        w.writeRaw(new byte[] {(byte) 0x9f}, 0, 1);
        for (int i = 0; i < 4097; i++) {
            w.writeMapHeader(1).writeInt(2).writeInt(i);
        }
        w.writeRaw(new byte[] {(byte) 0xff}, 0, 1);
        byte[] in = w.toByteArray();

        List<String> got = onePass(new UplinkBatchReader(), in);

        assertThat(got).isEqualTo(reference(in));
        assertThat(got.get(0)).startsWith("error RecordException: batch: ").contains("container items");
    }

    @Test
    void nestingUnderAnUnknownLabelCountsFromTheBatch() {
        UplinkBatchReader reader = new UplinkBatchReader();
        for (int depth = 10; depth <= 14; depth++) {
            CborWriter w = new CborWriter();
            w.writeMapHeader(2).writeInt(0).writeInt(1).writeInt(1).writeArrayHeader(1);
            w.writeMapHeader(5).writeInt(0).writeInt(1).writeInt(1).writeInt(1).writeInt(2).writeInt(AT).writeInt(3)
                    .writeInt(1).writeInt(4);
            w.writeArrayHeader(1).writeMapHeader(3).writeInt(0).writeText("v").writeInt(2).writeInt(1).writeInt(99);
            for (int k = 0; k < depth; k++) {
                w.writeArrayHeader(1);
            }
            w.writeInt(0);
            byte[] in = w.toByteArray();
            assertThat(onePass(reader, in)).as("depth %d", depth).isEqualTo(reference(in));
        }
    }

    @Test
    void generatedAndMutatedBatchesGoTheWayTheReferenceGoes() {
        Random random = new Random(20261121);
        UplinkBatchReader reader = new UplinkBatchReader();
        int accepted = 0;
        int refused = 0;
        for (int run = 0; run < 12_000; run++) {
            byte[] seed = generate(random);
            byte[] in = run % 3 == 0 ? seed : mutate(seed, random);
            List<String> want = reference(in);
            boolean ok = !want.get(0).startsWith("error ");
            // the one pass alone (no fallback) accepts exactly what the reference accepts
            boolean onePassAccepts;
            try {
                reader.readOnce(in, new Collected());
                onePassAccepts = true;
            } catch (ProtocolException e) {
                onePassAccepts = false;
            }
            assertThat(onePassAccepts).as("run %d: %s", run, Hex.encode(in)).isEqualTo(ok);
            assertThat(onePass(reader, in)).as("run %d: %s", run, Hex.encode(in)).isEqualTo(want);
            if (ok) {
                accepted++;
            } else {
                refused++;
            }
        }
        // both ways are exercised
        assertThat(accepted).isGreaterThan(3_000);
        assertThat(refused).isGreaterThan(3_000);
    }

    // ---- generation

    private static final byte BREAK = (byte) 0xff;

    /** A random batch: mostly valid, with the shapes a device or a foreign encoder may send. */
    private static byte[] generate(Random random) {
        CborWriter w = new CborWriter();
        boolean indefinite = random.nextInt(5) == 0;
        List<Runnable> fields = new ArrayList<>();
        fields.add(() -> w.writeInt(0).writeInt(random.nextInt(30) == 0 ? 2 : 1));
        int n = 1 + random.nextInt(6);
        boolean recordsIndefinite = random.nextInt(4) == 0;
        fields.add(() -> {
            w.writeInt(1);
            if (recordsIndefinite) {
                w.writeRaw(new byte[] {(byte) 0x9f}, 0, 1);
            } else {
                w.writeArrayHeader(n);
            }
            for (int i = 0; i < n; i++) {
                record(w, random, i);
            }
            if (recordsIndefinite) {
                w.writeRaw(new byte[] {BREAK}, 0, 1);
            }
        });
        if (random.nextInt(6) == 0) {
            fields.add(() -> w.writeInt(random.nextBoolean() ? 7 : 40).writeText("extra"));
        }
        if (random.nextInt(4) == 0) {
            Collections.shuffle(fields, random);
        }
        if (indefinite) {
            w.writeRaw(new byte[] {(byte) 0xbf}, 0, 1);
        } else {
            w.writeMapHeader(fields.size());
        }
        for (Runnable f : fields) {
            f.run();
        }
        if (indefinite) {
            w.writeRaw(new byte[] {BREAK}, 0, 1);
        }
        return w.toByteArray();
    }

    private static void record(CborWriter w, Random random, int i) {
        int kind = random.nextInt(4) == 0 ? 2 + random.nextInt(5) : 1;
        List<Runnable> fields = new ArrayList<>();
        fields.add(() -> w.writeInt(0).writeInt(1));
        fields.add(() -> w.writeInt(1).writeUnsigned(random.nextInt(20) == 0 ? -1L : 1 + random.nextInt(1000)));
        fields.add(() -> w.writeInt(2).writeInt(AT + i));
        fields.add(() -> w.writeInt(3).writeInt(kind));
        fields.add(() -> {
            w.writeInt(4);
            byte[] body = kind == 1 ? senml(random) : event(kind, random).encode();
            w.writeRaw(body, 0, body.length);
        });
        if (random.nextInt(8) == 0) {
            fields.add(() -> w.writeInt(random.nextBoolean() ? 9 : 1000).writeArrayHeader(1).writeInt(5));
        }
        if (random.nextInt(5) == 0) {
            Collections.shuffle(fields, random);
        }
        boolean indefinite = random.nextInt(6) == 0;
        if (indefinite) {
            w.writeRaw(new byte[] {(byte) 0xbf}, 0, 1);
        } else {
            w.writeMapHeader(fields.size());
        }
        for (Runnable f : fields) {
            f.run();
        }
        if (indefinite) {
            w.writeRaw(new byte[] {BREAK}, 0, 1);
        }
    }

    private static CborRecord event(int kind, Random random) {
        switch (kind) {
            case 2:
                return new Sale(random.nextInt(100), 10, 950_000, 9_500, 1000, 2000, 1);
            case 3:
                return new TokenRedemption(random.nextInt(100), TokenRedemption.KIND_CREDIT, 0, 5000);
            case 4:
                return new Alarm("p", AlarmLevel.values()[random.nextInt(AlarmLevel.values().length)], 3.5, true);
            case 5:
                return ShutIn.latched(ShutIn.CAUSE_PSH, 900);
            default:
                return random.nextBoolean() ? CommandResult.applied(7) : CommandResult.refused(7, "busy");
        }
    }

    /** A SenML pack with base fields, several kinds of value, unknown and text labels, either length form. */
    private static byte[] senml(Random random) {
        CborWriter w = new CborWriter();
        int n = 1 + random.nextInt(4);
        boolean indefinite = random.nextInt(5) == 0;
        if (indefinite) {
            w.writeRaw(new byte[] {(byte) 0x9f}, 0, 1);
        } else {
            w.writeArrayHeader(n);
        }
        String[] names = {"voltage", "current", "energy", "relay", "t\u00e9mp"};
        for (int i = 0; i < n; i++) {
            List<Runnable> fields = new ArrayList<>();
            if (i == 0 && random.nextBoolean()) {
                fields.add(() -> w.writeInt(-2).writeText(random.nextBoolean() ? "m:" : "dev/"));
            }
            if (random.nextInt(4) == 0) {
                fields.add(() -> w.writeInt(-3).writeInt(random.nextInt(100)));
            }
            fields.add(() -> w.writeInt(0).writeText(names[random.nextInt(names.length)]));
            if (random.nextBoolean()) {
                fields.add(() -> w.writeInt(1).writeText(random.nextBoolean() ? "V" : "Wh"));
            }
            switch (random.nextInt(6)) {
                case 0:
                    fields.add(() -> w.writeInt(2).writeFloat(random.nextDouble() * 300));
                    break;
                case 1:
                    fields.add(() -> w.writeInt(3).writeText("eco"));
                    break;
                case 2:
                    fields.add(() -> w.writeInt(4).writeBoolean(random.nextBoolean()));
                    break;
                case 3:
                    fields.add(() -> w.writeInt(5).writeInt(random.nextInt(1000)));
                    break;
                default:
                    fields.add(() -> w.writeInt(2).writeInt(random.nextInt(1000)));
            }
            if (random.nextInt(6) == 0) {
                fields.add(() -> w.writeInt(6).writeInt(-random.nextInt(60)));
            }
            if (random.nextInt(8) == 0) {
                fields.add(() -> w.writeText(random.nextBoolean() ? "x" : "y_").writeInt(1));
            }
            if (random.nextInt(8) == 0) {
                fields.add(() -> w.writeInt(99).writeArrayHeader(1).writeMapHeader(0));
            }
            Collections.shuffle(fields, random);
            boolean recordIndefinite = random.nextInt(6) == 0;
            if (recordIndefinite) {
                w.writeRaw(new byte[] {(byte) 0xbf}, 0, 1);
            } else {
                w.writeMapHeader(fields.size());
            }
            for (Runnable f : fields) {
                f.run();
            }
            if (recordIndefinite) {
                w.writeRaw(new byte[] {BREAK}, 0, 1);
            }
        }
        if (indefinite) {
            w.writeRaw(new byte[] {BREAK}, 0, 1);
        }
        return w.toByteArray();
    }

    private static byte[] mutate(byte[] seed, Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            case 1: {
                byte[] b = seed.clone();
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                return b;
            }
            case 2: {
                byte[] b = seed.clone();
                for (int k = random.nextInt(4) + 1; k > 0; k--) {
                    int at = random.nextInt(b.length);
                    b[at] = (byte) (b[at] ^ (1 << random.nextInt(8)));
                }
                return b;
            }
            default: {
                int at = random.nextInt(seed.length + 1);
                byte[] b = new byte[seed.length + 1];
                System.arraycopy(seed, 0, b, 0, at);
                b[at] = (byte) random.nextInt(256);
                System.arraycopy(seed, at, b, at + 1, seed.length - at);
                return b;
            }
        }
    }

    private static int lastIndexOf(byte[] in, byte[] what) {
        for (int i = in.length - what.length; i >= 0; i--) {
            if (Arrays.equals(Arrays.copyOfRange(in, i, i + what.length), what)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
