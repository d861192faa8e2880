package io.fieldlink.protocol.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CborReader#readText()} with a {@link TextCache}: same text, same String; never a wrong or invalid one. */
class TextCacheTest {
    private static byte[] texts(String... s) {
        CborWriter w = new CborWriter();
        w.writeArrayHeader(s.length);
        for (String t : s) {
            w.writeText(t);
        }
        return w.toByteArray();
    }

    private static List<String> read(byte[] in, TextCache cache) {
        CborReader r = new CborReader(in).textCache(cache);
        int n = r.readArrayHeader();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(r.readText());
        }
        return out;
    }

    @Test
    void aTextReadBeforeIsTheSameStringForEveryReaderSharingTheCache() {
        TextCache cache = new TextCache();
        List<String> first = read(texts("voltage", "V", "t\u00e9mp"), cache);
        List<String> again = read(texts("V", "voltage", "t\u00e9mp"), cache);

        assertThat(again).containsExactly("V", "voltage", "t\u00e9mp");
        assertThat(again.get(0)).isSameAs(first.get(1));
        assertThat(again.get(1)).isSameAs(first.get(0));
        assertThat(again.get(2)).isSameAs(first.get(2));
    }

    @Test
    void longTextsAreDecodedEveryTime() {
        TextCache cache = new TextCache();
        String longer = "x".repeat(TextCache.MAX_BYTES + 1);
        List<String> first = read(texts(longer), cache);
        List<String> again = read(texts(longer), cache);
        assertThat(again.get(0)).isEqualTo(longer).isNotSameAs(first.get(0));
    }

    @Test
    void invalidUtf8IsRefusedWithACacheToo() {
        TextCache cache = new TextCache();
        read(texts("ab"), cache);
        byte[] bad = texts("ab");
        bad[bad.length - 1] = (byte) 0xff;
        assertThatThrownBy(() -> read(bad, cache)).isInstanceOf(CborException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> read(bad, cache)).isInstanceOf(CborException.class).hasMessageContaining("UTF-8");
        assertThat(read(texts("ab"), cache)).containsExactly("ab");
    }

    @Test
    void textsSharingASlotAreKeptInItsTwoPlacesAndAThirdPushesTheOldestOut() {
        List<String> same = new ArrayList<>();
        int want = slot("n0");
        for (int i = 0; same.size() < 3; i++) {
            String t = "n" + i;
            if (slot(t) == want) {
                same.add(t);
            }
        }
        TextCache cache = new TextCache();
        List<String> a = read(texts(same.get(0), same.get(1)), cache);
        List<String> b = read(texts(same.get(0), same.get(1)), cache);
        assertThat(b.get(0)).isSameAs(a.get(0));
        assertThat(b.get(1)).isSameAs(a.get(1));

        List<String> c = read(texts(same.get(2)), cache);
        List<String> d = read(texts(same.get(2), same.get(1), same.get(0)), cache);
        assertThat(d).containsExactly(same.get(2), same.get(1), same.get(0));
        assertThat(d.get(0)).isSameAs(c.get(0));
        assertThat(d.get(1)).isSameAs(a.get(1));
        assertThat(d.get(2)).isNotSameAs(a.get(0));
    }

    @Test
    void manyDifferentTextsAllReadAsWithoutACache() {
        TextCache cache = new TextCache();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 2_000; i++) {
                String t = "ch" + (i * 7919 % 1000) + (i % 3 == 0 ? "\u00e9" : "");
                assertThat(read(texts(t, "V"), cache)).containsExactly(t, "V");
            }
        }
    }

    private static int slot(String t) {
        byte[] b = t.getBytes(StandardCharsets.UTF_8);
        return TextCache.slot(b, 0, b.length);
    }
}
