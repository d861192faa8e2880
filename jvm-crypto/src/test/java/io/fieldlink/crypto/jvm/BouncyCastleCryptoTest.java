package io.fieldlink.crypto.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.crypto.Hex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BouncyCastleCryptoTest {
    private final BouncyCastleCrypto crypto = BouncyCastleCrypto.INSTANCE;

    record Rfc8032Vector(String name, byte[] secret, byte[] publicKey, byte[] message, byte[] signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rfc8032Vector> rfc8032() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = BouncyCastleCryptoTest.class.getResourceAsStream("rfc8032-ed25519-vectors.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    lines.add(line.trim());
                }
            }
        }
        List<Rfc8032Vector> vectors = new ArrayList<>();
        for (int i = 0; i + 4 < lines.size(); i += 5) {
            vectors.add(new Rfc8032Vector(lines.get(i), Hex.decode(lines.get(i + 1)), Hex.decode(lines.get(i + 2)),
                    Hex.decode(lines.get(i + 3)), Hex.decode(lines.get(i + 4))));
        }
        assertThat(vectors).extracting(Rfc8032Vector::name)
                .containsExactly("TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)");
        return vectors.stream();
    }

    @ParameterizedTest
    @MethodSource("rfc8032")
    void verifiesRfc8032Vectors(Rfc8032Vector v) {
        assertThat(crypto.ed25519Verify(v.publicKey(), v.message(), v.signature())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("rfc8032")
    void issuerKeyReproducesRfc8032PublicKeyAndSignature(Rfc8032Vector v) {
        IssuerKeyPair key = IssuerKeyPair.fromSeed(v.secret());
        assertThat(key.publicKey()).isEqualTo(v.publicKey());
        assertThat(key.sign(v.message())).isEqualTo(v.signature());
    }

    @ParameterizedTest
    @MethodSource("rfc8032")
    void rejectsAFlippedBitInSignatureOrMessage(Rfc8032Vector v) {
        byte[] sig = v.signature().clone();
        sig[5] ^= 0x01;
        assertThat(crypto.ed25519Verify(v.publicKey(), v.message(), sig)).isFalse();
        byte[] msg = Arrays.copyOf(v.message(), v.message().length + 1);
        assertThat(crypto.ed25519Verify(v.publicKey(), msg, v.signature())).isFalse();
    }

    @Test
    void keysCheckedInTurnEachVerifyTheirOwnSignaturesOnly() throws IOException {
        List<Rfc8032Vector> v = rfc8032().toList();
        byte[] reused = new byte[32];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < v.size(); i++) {
                Rfc8032Vector own = v.get(i);
                Rfc8032Vector other = v.get((i + 1) % v.size());
                assertThat(crypto.ed25519Verify(own.publicKey(), own.message(), own.signature())).isTrue();
                assertThat(crypto.ed25519Verify(other.publicKey(), own.message(), own.signature())).isFalse();
                // the caller's array changing after a check must not leave the old key in use
                System.arraycopy(own.publicKey(), 0, reused, 0, 32);
                assertThat(crypto.ed25519Verify(reused, own.message(), own.signature())).isTrue();
                System.arraycopy(other.publicKey(), 0, reused, 0, 32);
                assertThat(crypto.ed25519Verify(reused, own.message(), own.signature())).isFalse();
                assertThat(crypto.ed25519Verify(reused, other.message(), other.signature())).isTrue();
            }
        }
    }

    @Test
    void vectorMessagesHaveTheirRfcLengths() throws IOException {
        Rfc8032Vector shaAbc = rfc8032().filter(v -> v.name().equals("TEST SHA(abc)")).findFirst().orElseThrow();
        assertThat(shaAbc.message()).hasSize(64);
        assertThat(rfc8032().filter(v -> v.name().equals("TEST 1024")).findFirst().orElseThrow().message())
                .hasSize(1023);
    }

    @Test
    void wrongLengthsAndNonPointKeysAreFalseNotExceptions() {
        byte[] msg = {1, 2, 3};
        assertThat(crypto.ed25519Verify(new byte[31], msg, new byte[64])).isFalse();
        assertThat(crypto.ed25519Verify(new byte[32], msg, new byte[63])).isFalse();
        assertThat(crypto.ed25519Verify(new byte[32], msg, new byte[65])).isFalse();
        byte[] notAPoint = new byte[32];
        Arrays.fill(notAPoint, (byte) 0xff);
        assertThat(crypto.ed25519Verify(notAPoint, msg, new byte[Ed25519.SIGNATURE_SIZE])).isFalse();
        assertThatThrownBy(() -> crypto.ed25519Verify(new byte[32], null, new byte[64]))
                .isInstanceOf(NullPointerException.class);
    }

    /** FIPS 180-2 Appendix B examples and the NIST one-million-'a' message. */
    @Test
    void sha256MatchesFips180Vectors() {
        assertThat(Hex.encode(crypto.sha256(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Hex.encode(crypto.sha256(ascii("abc"))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Hex.encode(crypto.sha256(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        assertThat(Hex.encode(crypto.sha256(ascii("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"))))
                .isEqualTo("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
        byte[] million = new byte[1_000_000];
        Arrays.fill(million, (byte) 'a');
        assertThat(Hex.encode(crypto.sha256(million)))
                .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    /** RFC 4231 §4.2-§4.8, HMAC-SHA-256 column (test case 5 compares the first 128 bits, as the RFC does). */
    @Test
    void hmacSha256MatchesRfc4231Vectors() {
        assertThat(hmac(repeat(0x0b, 20), ascii("Hi There")))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(hmac(ascii("Jefe"), ascii("what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(hmac(repeat(0xaa, 20), repeat(0xdd, 50)))
                .isEqualTo("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        byte[] key4 = new byte[25];
        for (int i = 0; i < key4.length; i++) {
            key4[i] = (byte) (i + 1);
        }
        assertThat(hmac(key4, repeat(0xcd, 50)))
                .isEqualTo("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        assertThat(hmac(repeat(0x0c, 20), ascii("Test With Truncation")).substring(0, 32))
                .isEqualTo("a3b6167473100ee06e0c796c2955552b");
        assertThat(hmac(repeat(0xaa, 131), ascii("Test Using Larger Than Block-Size Key - Hash Key First")))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        assertThat(hmac(repeat(0xaa, 131), ascii("This is a test using a larger than block-size key and a larger "
                + "than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")))
                .isEqualTo("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }

    private String hmac(byte[] key, byte[] message) {
        return Hex.encode(crypto.hmacSha256(key, message));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] repeat(int value, int count) {
        byte[] out = new byte[count];
        Arrays.fill(out, (byte) value);
        return out;
    }
}
