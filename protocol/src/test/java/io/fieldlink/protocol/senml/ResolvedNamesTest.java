package io.fieldlink.protocol.senml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SenmlResolver#resolve(SenmlPack, double, SenmlPack, ResolvedNames)} (a kept pack, kept
 * names) resolves as {@link SenmlResolver#resolve(SenmlPack, double)} does, and
 * {@link SenmlCbor#decode(CborReader, int, SenmlPack)} decodes a pack where it lies in a larger message.
 */
class ResolvedNamesTest {
    private static final double NOW = 1_763_683_200.0;

    @Test
    void aNameResolvedBeforeIsTheSameStringAndTheKeptPackIsRefilled() {
        SenmlPack p = new SenmlPack();
        p.add().baseName("m:").name("voltage").value(230);
        p.add().name("energy").sum(5);
        SenmlPack out = new SenmlPack();
        ResolvedNames names = new ResolvedNames();

        SenmlResolver.resolve(p, NOW, out, names);
        String voltage = out.get(0).name();
        String energy = out.get(1).name();
        SenmlPack again = SenmlResolver.resolve(p, NOW, out, names);

        assertThat(again).isSameAs(out).isEqualTo(SenmlResolver.resolve(p, NOW));
        assertThat(again.get(0).name()).isEqualTo("m:voltage").isSameAs(voltage);
        assertThat(again.get(1).name()).isEqualTo("m:energy").isSameAs(energy);
    }

    @Test
    void aBadNameIsRefusedEveryTime() {
        SenmlPack p = new SenmlPack();
        p.add().baseName("m ").name("v").value(1);
        ResolvedNames names = new ResolvedNames();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> SenmlResolver.resolve(p, NOW, new SenmlPack(), names))
                    .isInstanceOf(SenmlException.class).hasMessageContaining("resolved name \"m v\"");
        }
        SenmlPack empty = new SenmlPack();
        empty.add().value(1);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> SenmlResolver.resolve(empty, NOW, new SenmlPack(), names))
                    .isInstanceOf(SenmlException.class).hasMessageContaining("resolved name is empty");
        }
    }

    @Test
    void manyPairsIncludingCollidingOnesResolveAsWithoutNames() {
        Random random = new Random(8428);
        ResolvedNames names = new ResolvedNames();
        SenmlPack out = new SenmlPack();
        String[] bases = {null, "", "m:", "dev/", "a b"};
        for (int run = 0; run < 20_000; run++) {
            SenmlPack p = new SenmlPack();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                SenmlRecord r = p.add();
                String base = bases[random.nextInt(bases.length)];
                if (base != null) {
                    r.baseName(base);
                }
                if (random.nextInt(10) != 0) {
                    r.name("c" + random.nextInt(400) + (random.nextInt(50) == 0 ? "!" : ""));
                }
                r.value(i);
            }
            String want;
            try {
                want = SenmlResolver.resolve(p, NOW).toString();
            } catch (SenmlException e) {
                want = e.getMessage();
            }
            String got;
            try {
                got = SenmlResolver.resolve(p, NOW, out, names).toString();
            } catch (SenmlException e) {
                got = e.getMessage();
            }
            assertThat(got).as("run %d", run).isEqualTo(want);
        }
    }

    @Test
    void aPackInsideALargerMessageIsDecodedWhereItLies() {
        SenmlPack p = new SenmlPack();
        p.add().baseName("m:").name("v").unit("V").value(230.5);
        byte[] pack = SenmlCbor.encode(p);
        CborWriter w = new CborWriter();
        w.writeArrayHeader(2).writeRaw(pack, 0, pack.length).writeInt(7);
        CborReader r = new CborReader(w.toByteArray());
        r.readArrayHeader();
        SenmlPack into = new SenmlPack();

        SenmlCbor.decode(r, 1, into);

        assertThat(into).isEqualTo(p);
        assertThat(r.readInt()).isEqualTo(7);
        assertThatThrownBy(() -> SenmlCbor.decode(new CborReader(pack), -1, into))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
