package io.fieldlink.firmware.hal.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MemoryCryptoTest {
    private final MemoryCrypto crypto = new MemoryCrypto();

    @Test
    void sha256MatchesTheFipsVector() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(HexFormat.of().formatHex(crypto.sha256(abc, 0, 3)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sha256AndHmacMatchTheJdkForManyLengths() throws Exception {
        Random r = new Random(1);
        for (int len = 0; len < 200; len++) {
            byte[] d = new byte[len];
            r.nextBytes(d);
            byte[] key = new byte[len % 90 + 1];
            r.nextBytes(key);
            assertThat(crypto.sha256(d, 0, len)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(d));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            assertThat(crypto.hmacSha256(key, d, 0, len)).isEqualTo(mac.doFinal(d));
        }
    }

    @Test
    void simulatedSignaturesVerifyOnlyForTheSameKeyAndMessage() {
        byte[] key = new byte[32];
        byte[] msg = {1, 2, 3};
        byte[] sig = crypto.simulatedSign(key, msg);
        assertThat(crypto.verifyEd25519(key, msg, sig)).isTrue();
        assertThat(crypto.verifyEd25519(key, new byte[] {1, 2, 4}, sig)).isFalse();
        key[0] = 1;
        assertThat(crypto.verifyEd25519(key, msg, sig)).isFalse();
    }
}
