package io.fieldlink.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.protocol.cbor.CborException;
import io.fieldlink.protocol.cbor.CborValue;
import io.fieldlink.protocol.json.JsonException;
import io.fieldlink.protocol.json.JsonReader;
import io.fieldlink.protocol.record.Hello;
import io.fieldlink.protocol.record.RecordException;
import io.fieldlink.protocol.record.Sale;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlCbor;
import io.fieldlink.protocol.senml.SenmlException;
import io.fieldlink.protocol.senml.SenmlJson;
import io.fieldlink.protocol.senml.TenRecordPack;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Verifies that random and mutated input makes every decoder fail only with its own
 * ProtocolException subclass (no other exception, no hang: each run is bounded by the input size,
 * no unbounded allocation: lengths beyond the input fail before allocating).
 */
class FuzzTest {
    private static final int RUNS = 20_000;

    private static void fuzz(byte[] seed, Class<? extends ProtocolException> own, Consumer<byte[]> decoder) {
        Random random = new Random(42);
        for (int run = 0; run < RUNS; run++) {
            byte[] input = run % 4 == 0 ? randomBytes(random) : mutate(seed, random);
            try {
                decoder.accept(input);
            } catch (ProtocolException e) {
                assertThat(e).isInstanceOf(own);
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(64)];
        random.nextBytes(b);
        return b;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        int len = Math.max(0, seed.length - (random.nextInt(4) == 0 ? random.nextInt(seed.length + 1) : 0));
        byte[] b = java.util.Arrays.copyOf(seed, len);
        for (int k = random.nextInt(4) + 1; k > 0 && b.length > 0; k--) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static final byte[] BATCH = new UplinkBatch(List.of(
            UplinkRecord.telemetry(1, 1000, TenRecordPack.build()),
            UplinkRecord.event(2, 2000, new Sale(5, 100, 900_000, 90_000, 1, 2, 1)))).encode();

    @Test
    void cbor() {
        fuzz(BATCH, CborException.class, CborValue::decode);
    }

    @Test
    void senmlCbor() {
        fuzz(SenmlCbor.encode(TenRecordPack.build()), SenmlException.class, SenmlCbor::decode);
    }

    @Test
    void senmlJson() {
        byte[] seed = SenmlJson.encode(TenRecordPack.build()).getBytes(StandardCharsets.ISO_8859_1);
        fuzz(seed, SenmlException.class, b -> SenmlJson.decode(new String(b, StandardCharsets.ISO_8859_1)));
    }

    @Test
    void json() {
        byte[] seed = "{\"a\":[1,-2.5e3,true,null,{\"b\":\"x\\u00fc\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        fuzz(seed, JsonException.class, b -> {
            JsonReader r = new JsonReader(new String(b, StandardCharsets.ISO_8859_1));
            r.skipValue();
            r.peek();
        });
    }

    @Test
    void records() {
        fuzz(BATCH, RecordException.class, UplinkBatch::decode);
        fuzz(new Hello("meter", "m-1", "1.0", 3).encode(), RecordException.class, Hello::decode);
    }
}
