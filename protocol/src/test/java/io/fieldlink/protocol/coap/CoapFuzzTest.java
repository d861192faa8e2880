package io.fieldlink.protocol.coap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verifies that random and mutated bytes only ever produce a {@link CoapFormatException} with a reason. */
class CoapFuzzTest {

    @Test
    void randomBytesFailOnlyWithTheCodecsOwnException() {
        Random r = new Random(11);
        CoapMessage into = new CoapMessage();
        int ok = 0;
        for (int n = 0; n < 100_000; n++) {
            byte[] data = new byte[r.nextInt(64)];
            r.nextBytes(data);
            if (data.length > 0 && r.nextBoolean()) {
                data[0] = (byte) (0x40 | data[0] & 0x3F);
            }
            ok += decodes(data, into) ? 1 : 0;
        }
        assertThat(ok).isPositive();
    }

    @Test
    void mutatedValidMessagesFailOnlyWithTheCodecsOwnException() {
        Random r = new Random(13);
        CoapEncoder enc = new CoapEncoder();
        CoapMessage into = new CoapMessage();
        int failed = 0;
        for (int n = 0; n < 20_000; n++) {
            enc.encode(CoapMessageTest.randomMessage(r));
            byte[] data = enc.toByteArray();
            int mutations = 1 + r.nextInt(4);
            for (int k = 0; k < mutations && data.length > 0; k++) {
                switch (r.nextInt(3)) {
                    case 0 -> data[r.nextInt(data.length)] ^= (byte) (1 << r.nextInt(8));
                    case 1 -> data[r.nextInt(data.length)] = (byte) r.nextInt(256);
                    default -> data = java.util.Arrays.copyOf(data, r.nextInt(data.length + 1));
                }
            }
            failed += decodes(data, into) ? 0 : 1;
        }
        assertThat(failed).isPositive();
    }

    private static boolean decodes(byte[] data, CoapMessage into) {
        try {
            CoapDecoder.decode(data, 0, data.length, into);
            assertThat(into.options().count()).isLessThanOrEqualTo(data.length);
            into.unrecognizedCriticalOption();
            into.toString();
            return true;
        } catch (CoapFormatException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(into.options().count()).isZero();
            return false;
        }
    }
}
