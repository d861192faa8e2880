package io.fieldlink.protocol.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.upokecenter.cbor.CBORObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Verifies this codec against two independent ones: Jackson CBOR and com.upokecenter:cbor (PeterO). */
class CborInteropTest {
    private final CBORMapper jackson = new CBORMapper();

    @Test
    void jacksonReadsWhatWeWrite() throws Exception {
        CborWriter w = new CborWriter();
        w.writeMapHeader(7)
                .writeText("name").writeText("p\u00fcmp \ud83d\ude80")
                .writeText("neg").writeInt(-500_000)
                .writeText("big").writeUnsigned(-1L)
                .writeText("half").writeFloat(1.5)
                .writeText("dbl").writeFloat(1.1)
                .writeText("raw").writeBytes(new byte[] {0, -1, 7})
                .writeText("list").writeArrayHeader(3).writeInt(1).writeBoolean(true).writeNull();

        JsonNode tree = jackson.readTree(w.toByteArray());

        assertThat(tree.get("name").asText()).isEqualTo("p\u00fcmp \ud83d\ude80");
        assertThat(tree.get("neg").asLong()).isEqualTo(-500_000);
        assertThat(tree.get("big").bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(tree.get("half").doubleValue()).isEqualTo(1.5);
        assertThat(tree.get("dbl").doubleValue()).isEqualTo(1.1);
        assertThat(tree.get("raw").binaryValue()).containsExactly(0, -1, 7);
        assertThat(tree.get("list").get(0).asInt()).isEqualTo(1);
        assertThat(tree.get("list").get(1).asBoolean()).isTrue();
        assertThat(tree.get("list").get(2).isNull()).isTrue();
    }

    @Test
    void weReadWhatJacksonWrites() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("s", "Wasser \u6c34");
        doc.put("i", Long.MIN_VALUE);
        doc.put("d", -4.1);
        doc.put("b", new byte[] {1, 2, 3});
        doc.put("l", List.of(1, List.of("x"), Map.of("k", false)));

        CborValue value = CborValue.decode(jackson.writeValueAsBytes(doc));

        assertThat(value).isEqualTo(CborValue.map(
                CborValue.text("s"), CborValue.text("Wasser \u6c34"),
                CborValue.text("i"), CborValue.of(Long.MIN_VALUE),
                CborValue.text("d"), CborValue.floating(-4.1),
                CborValue.text("b"), CborValue.bytes(new byte[] {1, 2, 3}),
                CborValue.text("l"), CborValue.array(CborValue.of(1), CborValue.array(CborValue.text("x")),
                        CborValue.map(CborValue.text("k"), CborValue.FALSE))));
    }

    @RepeatedTest(200)
    void upokecenterRoundTripsRandomItems(org.junit.jupiter.api.RepetitionInfo info) {
        CborValue original = new RandomItems(new Random(info.getCurrentRepetition())).item(0);
        byte[] ours = original.encode();

        CBORObject theirs = CBORObject.DecodeFromBytes(ours);
        CborValue back = CborValue.decode(theirs.EncodeToBytes());

        assertThat(back).isEqualTo(original);
        assertThat(back.encode()).isEqualTo(ours);
    }

    @Test
    void upokecenterSeesTheSameValues() {
        CborWriter w = new CborWriter();
        w.writeArrayHeader(4).writeNegative(-1L).writeTag(1).writeInt(1_363_896_240).writeText("\u00fc")
                .writeFloat(65504.0);

        CBORObject theirs = CBORObject.DecodeFromBytes(w.toByteArray());

        assertThat(theirs.get(0).AsEIntegerValue().toString()).isEqualTo("-18446744073709551616");
        assertThat(theirs.get(1).getMostOuterTag().ToInt32Checked()).isEqualTo(1);
        assertThat(theirs.get(2).AsString()).isEqualTo("\u00fc");
        assertThat(theirs.get(3).AsDoubleValue()).isEqualTo(65504.0);
    }

    /** Random well-formed items without duplicate map keys or tags an implementation might interpret. */
    static final class RandomItems {
        private final Random random;

        RandomItems(Random random) {
            this.random = random;
        }

        CborValue item(int depth) {
            int kind = random.nextInt(depth >= 3 ? 6 : 9);
            switch (kind) {
                case 0:
                    return CborValue.unsigned(randomBits());
                case 1:
                    return CborValue.negative(randomBits());
                case 2:
                    byte[] b = new byte[random.nextInt(20)];
                    random.nextBytes(b);
                    return CborValue.bytes(b);
                case 3:
                    return CborValue.text(randomText());
                case 4:
                    return randomFloat();
                case 5:
                    return new CborValue[] {CborValue.TRUE, CborValue.FALSE, CborValue.NULL, CborValue.UNDEFINED,
                            CborValue.simple(16)}[random.nextInt(5)];
                case 6: {
                    List<CborValue> items = new ArrayList<>();
                    for (int i = random.nextInt(5); i > 0; i--) {
                        items.add(item(depth + 1));
                    }
                    return CborValue.array(items);
                }
                case 7: {
                    List<CborValue> kv = new ArrayList<>();
                    List<CborValue> keys = new ArrayList<>();
                    for (int i = random.nextInt(5); i > 0; i--) {
                        CborValue key = random.nextBoolean() ? CborValue.of(random.nextInt(100) - 50)
                                : CborValue.text(randomText());
                        if (!keys.contains(key)) {
                            keys.add(key);
                            kv.add(key);
                            kv.add(item(depth + 1));
                        }
                    }
                    return CborValue.map(kv.toArray(new CborValue[0]));
                }
                default:
                    return CborValue.tag(40_000 + random.nextInt(1000), item(depth + 1));
            }
        }

        private long randomBits() {
            switch (random.nextInt(4)) {
                case 0:
                    return random.nextInt(24);
                case 1:
                    return random.nextInt(70_000);
                case 2:
                    return random.nextLong() >>> random.nextInt(64);
                default:
                    return random.nextLong();
            }
        }

        private String randomText() {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                int cp = random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x10000 - 0x80) : 0x20 + random.nextInt(0x5f);
                if (cp >= 0xd800 && cp <= 0xdfff) {
                    cp = 0x1f680;
                }
                sb.appendCodePoint(cp);
            }
            return sb.toString();
        }

        private CborValue randomFloat() {
            switch (random.nextInt(4)) {
                case 0:
                    return CborValue.floating(random.nextInt(2000) / 4.0 - 250);
                case 1:
                    return CborValue.floating(random.nextFloat() * 1e6f);
                case 2:
                    return CborValue.floating(random.nextDouble() * 1e12);
                default:
                    return CborValue.floating(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                            -0.0, 65504.0, 5.960464477539063e-8}[random.nextInt(5)]);
            }
        }
    }
}
