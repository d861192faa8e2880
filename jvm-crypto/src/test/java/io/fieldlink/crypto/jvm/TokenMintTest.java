package io.fieldlink.crypto.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.protocol.base45.Base45;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.token.BookingRules;
import io.fieldlink.protocol.token.CreditRules;
import io.fieldlink.protocol.token.CreditTokenWindow;
import io.fieldlink.protocol.token.TokenClaims;
import io.fieldlink.protocol.token.TokenText;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.UsedBookingTokens;
import io.fieldlink.protocol.token.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokenMintTest {
    private static final long NOW = 1_700_000_000L;
    private static final IssuerKeyPair TEST_KEY = IssuerKeyPair.fromSeed(
            Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

    @Test
    void mintedCreditVerifiesOnAMeterProvisionedWithTheMintsKey() {
        TokenMint mint = new TokenMint(IssuerKeyPair.generate(new SecureRandom()));
        TokenVerifier meter = new TokenVerifier(BouncyCastleCrypto.INSTANCE, mint.trustedKeys());
        String text = mint.credit("MTR-0042", 1, 50_000);
        Verdict verdict = meter.verifyCredit(text, new CreditRules("MTR-0042", 1_000_000), new CreditTokenWindow(), NOW);
        assertThat(verdict.code()).isEqualTo("ok");
        assertThat(verdict.claims().amountMilli()).isEqualTo(50_000);
    }

    @Test
    void mintedBookingVerifiesOnItsPumpOnly() {
        TokenMint mint = new TokenMint(TEST_KEY);
        TokenVerifier pump = new TokenVerifier(BouncyCastleCrypto.INSTANCE, mint.trustedKeys());
        String text = mint.booking("ST-7", 77, 12_000, NOW, NOW + 1_800, NOW + 3_600, 2);
        assertThat(pump.verifyBooking(text, new BookingRules("ST-7", 2, 300, 20_000), new UsedBookingTokens(4), NOW)
                .code()).isEqualTo("ok");
        assertThat(pump.verifyBooking(text, new BookingRules("ST-7", 1, 300, 20_000), new UsedBookingTokens(4), NOW)
                .code()).isEqualTo("wrong-subject");
    }

    @Test
    void tokenTextStaysInTheQrAlphanumericSetAndIsDeterministic() {
        TokenMint mint = new TokenMint(TEST_KEY);
        String text = mint.credit("MTR-0042", 1, 50_000);
        assertThat(text).startsWith("FL1:");
        assertThat(text.chars().allMatch(c -> Base45.ALPHABET.indexOf(c) >= 0)).isTrue();
        assertThat(text.length()).isLessThan(220);
        assertThat(mint.credit("MTR-0042", 1, 50_000)).isEqualTo(text);
        assertThat(mint.mint(TokenClaims.credit("MTR-0042", 1, 50_000))).isEqualTo(text);
    }

    /** cose-wg/Examples eddsa-examples/eddsa-sig-01.json, verified through the production binding. */
    @Test
    void bouncyCastleCryptoVerifiesTheCoseWgEd25519Sign1Example() {
        CoseSign1 m = CoseSign1.decode(Hex.decode("D28445A201270300A10442313154546869732069732074686520636F6E74656E742E"
                + "58407142FD2FF96D56DB85BEE905A76BA1D0B7321A95C8C4D3607C5781932B7AFB8711497DFA751BF40B58B3BCC3"
                + "2300B1487F3DB34085EEF013BF08F4A44D6FEF0D"));
        byte[] publicKey = Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(m.payload()).isEqualTo("This is the content.".getBytes(StandardCharsets.US_ASCII));
        assertThat(Hex.encode(m.toBeSigned()))
                .isEqualToIgnoringCase("846A5369676E61747572653145A2012703004054546869732069732074686520636F6E74656E742E");
        assertThat(m.verify(BouncyCastleCrypto.INSTANCE, publicKey)).isTrue();
        assertThat(TEST_KEY.publicKey()).as("both use RFC 8032 TEST 1").isEqualTo(publicKey);
        byte[] tampered = m.encode();
        tampered[tampered.length - 1] ^= 1;
        assertThat(CoseSign1.decode(tampered).verify(BouncyCastleCrypto.INSTANCE, publicKey)).isFalse();
    }

    /** The worked example of docs/protocol.md (Tokens): fixed key, fixed claims, so fixed text. */
    @Test
    void theDocumentedExampleTokenIsReproduced() {
        TokenClaims claims = TokenClaims.credit("MTR-0042", 17, 25_000).withExpiry(1_800_000_000L);
        String text = new TokenMint(TEST_KEY).mint(claims);
        assertThat(text).isEqualTo(DocExample.TEXT);
        assertThat(Hex.encode(TokenText.decode(text).encode())).isEqualTo(DocExample.COSE_HEX);
    }
}
