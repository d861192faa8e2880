package io.fieldlink.protocol.cose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.crypto.TestCrypto;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CoseSign1Test {
    private static final byte[] CONTENT = "This is the content.".getBytes(StandardCharsets.US_ASCII);

    /** RFC 9052 Appendix C.2.1 (ECDSA P-256, so the structure is checked, not the signature). */
    private static final String RFC9052_C21 = "D28443A10126A10442313154546869732069732074686520636F6E74656E742E"
            + "58408EB33E4CA31D1C465AB05AAC34CC6B23D58FEF5C083106C4D25A91AEF0B0117E"
            + "2AF9A291AA32E14AB834DC56ED2A223444547E01F11D3B0916E5A4C345CACB36";
    private static final String RFC9052_C21_TO_BE_SIGNED =
            "846A5369676E61747572653143A101264054546869732069732074686520636F6E74656E742E";

    /** cose-wg/Examples eddsa-examples/eddsa-sig-01.json: Ed25519, protected {1: -8, 3: 0}, kid '11'. */
    static final String EDDSA_SIG_01 = "D28445A201270300A10442313154546869732069732074686520636F6E74656E742E"
            + "58407142FD2FF96D56DB85BEE905A76BA1D0B7321A95C8C4D3607C5781932B7AFB8711497DFA751BF40B58B3BCC3"
            + "2300B1487F3DB34085EEF013BF08F4A44D6FEF0D";
    static final String EDDSA_SIG_01_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    /** cose-wg/Examples eddsa-examples/eddsa-sig-02.json: Ed448 (alg -8 too), kid 'ed448' unprotected. */
    private static final String EDDSA_SIG_02 = "D28443A10127A10445656434343854546869732069732074686520636F6E74656E"
            + "742E5872988240A3A2F189BD486DE14AA77F54686C576A09F2E7ED9BAE910DF9139C2AC3BE7C27B7E10A20FA17C9D57D"
            + "3510A2CF1F634BC0345AB9BE00849842171D1E9E98B2674C0E38BFCF6C557A1692B01B71015A47AC9F7748840CAD1DA80C"
            + "BB5B349309FEBB912672B377C8B2072AF1598B3700";
    private static final String EDDSA_SIG_02_TO_BE_SIGNED =
            "846A5369676E61747572653143A101274054546869732069732074686520636F6E74656E742E";

    @Test
    void parsesTheRfc9052Sign1ExampleAndRebuildsItsToBeSignedBytes() {
        CoseSign1 m = CoseSign1.decode(Hex.decode(RFC9052_C21));
        assertThat(m.algorithm()).isEqualTo(-7);
        assertThat(m.keyId()).isEqualTo("11".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.payload()).isEqualTo(CONTENT);
        assertThat(m.signature()).hasSize(64);
        assertThat(Hex.encode(m.toBeSigned())).isEqualToIgnoringCase(RFC9052_C21_TO_BE_SIGNED);
        assertThat(Hex.encode(CoseSign1.toBeSigned(Hex.decode("a10126"), new byte[0], CONTENT)))
                .isEqualToIgnoringCase(RFC9052_C21_TO_BE_SIGNED);
        assertThat(Hex.encode(m.encode())).isEqualToIgnoringCase(RFC9052_C21);
        assertThat(m.verify(TestCrypto.INSTANCE, new byte[32])).isFalse();
    }

    @Test
    void verifiesTheCoseWgEd25519Sign1Example() {
        CoseSign1 m = CoseSign1.decode(Hex.decode(EDDSA_SIG_01));
        assertThat(m.algorithm()).isEqualTo(CoseSign1.ALG_EDDSA);
        assertThat(m.keyId()).isEqualTo("11".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.verify(TestCrypto.INSTANCE, Hex.decode(EDDSA_SIG_01_PUBLIC))).isTrue();
        assertThat(Hex.encode(m.encode())).isEqualToIgnoringCase(EDDSA_SIG_01);
    }

    @Test
    void rebuildsTheToBeSignedBytesOfTheCoseWgEd448Example() {
        CoseSign1 m = CoseSign1.decode(Hex.decode(EDDSA_SIG_02));
        assertThat(m.keyId()).isEqualTo("ed448".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.signature()).hasSize(114);
        assertThat(Hex.encode(m.toBeSigned())).isEqualToIgnoringCase(EDDSA_SIG_02_TO_BE_SIGNED);
        assertThat(m.verify(TestCrypto.INSTANCE, Hex.decode(EDDSA_SIG_01_PUBLIC))).isFalse();
    }

    @Test
    void signedMessagesCarryAlgAndKidProtectedAndVerify() {
        TestCrypto.KeySigner signer = TestCrypto.signer(TestCrypto.TEST_SEED);
        CoseSign1 m = CoseSign1.sign(CONTENT, signer);
        CoseSign1 back = CoseSign1.decode(m.encode());
        assertThat(Hex.encode(back.protectedHeader())).isEqualTo("a201270448" + Hex.encode(signer.keyId()));
        assertThat(back.unprotectedHeader()).containsExactly(0xa0);
        assertThat(back.keyId()).isEqualTo(signer.keyId());
        assertThat(back.verify(TestCrypto.INSTANCE, signer.publicKey())).isTrue();
        assertThat(m.encode()[0]).isEqualTo((byte) 0xd2);
    }

    @Test
    void aChangedPayloadOrProtectedHeaderDoesNotVerify() {
        TestCrypto.KeySigner signer = TestCrypto.signer(TestCrypto.TEST_SEED);
        byte[] bytes = CoseSign1.sign(CONTENT, signer).encode();
        bytes[bytes.length - 70] ^= 1;
        assertThat(CoseSign1.decode(bytes).verify(TestCrypto.INSTANCE, signer.publicKey())).isFalse();
    }

    @Test
    void untaggedMessagesAreAccepted() {
        CoseSign1 m = CoseSign1.decode(Hex.decode(EDDSA_SIG_01.substring(2)));
        assertThat(m.verify(TestCrypto.INSTANCE, Hex.decode(EDDSA_SIG_01_PUBLIC))).isTrue();
    }

    @Test
    void rejectsStructuresThatAreNotASign1WithSpecificMessages() {
        assertMalformed("D8628440A054546869732069732074686520636F6E74656E742E80", "tag 98 is not COSE_Sign1");
        assertMalformed("8343A10126A0" + "41" + "00", "array of 4 items, found 3 items");
        assertMalformed("84A10126A0" + "4100" + "4100", "protected header must be a byte string");
        assertMalformed("8443A1012640" + "4100" + "4100", "unprotected header must be a map");
        assertMalformed("8443A10126A0F6" + "4100", "detached payload");
        assertMalformed("8443A10126A04100" + "60", "signature must be a byte string");
        assertMalformed("8443A10126A041004100" + "00", "trailing bytes");
        assertMalformed("8443A10126A041", "truncated at offset 6");
    }

    @Test
    void rejectsHeadersItCannotHonour() {
        assertMalformed("8444A1030127" + "A0" + "4100" + "4100", "trailing bytes after the protected header map");
        assertMalformed("8444A1028101" + "A0" + "4100" + "4100", "crit header (2)");
        assertMalformed("8443A10127" + "A10127" + "4100" + "4100", "label 1 appears twice");
        assertMalformed("8445A201270127" + "A0" + "4100" + "4100", "label 1 appears twice");
        assertMalformed("8444A1016145" + "A0" + "4100" + "4100", "alg (1) must be an integer");
        assertMalformed("8443A10400" + "A0" + "4100" + "4100", "kid (4) must be a byte string");
    }

    private static void assertMalformed(String hex, String message) {
        assertThatThrownBy(() -> CoseSign1.decode(Hex.decode(hex)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining(message);
    }
}
