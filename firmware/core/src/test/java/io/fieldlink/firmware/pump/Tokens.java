package io.fieldlink.firmware.pump;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.protocol.cose.Signer;
import io.fieldlink.protocol.token.TokenClaims;
import io.fieldlink.protocol.token.TokenText;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.TrustedKeys;
import java.util.Arrays;

/** Real signed booking tokens for pump tests: a trusted issuer, a stranger, and a forger. */
final class Tokens {
    static final long SLOT_START_S = 1_800_000_000L;
    static final long SLOT_END_S = SLOT_START_S + 3_600;
    static final long EXPIRY_S = SLOT_END_S + 7_200;
    static final long SLOT_START = SLOT_START_S * 1000;
    static final long SLOT_END = SLOT_END_S * 1000;
    static final long EXPIRY = EXPIRY_S * 1000;
    static final long GRACE_S = 300;

    static final IssuerKeyPair ISSUER = IssuerKeyPair.fromSeed(seed(1));
    static final IssuerKeyPair STRANGER = IssuerKeyPair.fromSeed(seed(2));
    /** Claims the issuer's key id but signs with the stranger's key. */
    static final Signer FORGER = new Signer() {
        @Override
        public byte[] keyId() {
            return ISSUER.keyId();
        }

        @Override
        public byte[] sign(byte[] message) {
            return STRANGER.sign(message);
        }
    };

    private Tokens() {
    }

    static TokenVerifier verifier() {
        return new TokenVerifier(BouncyCastleCrypto.INSTANCE, new TrustedKeys().add(ISSUER.keyId(), ISSUER.publicKey()));
    }

    /** Booking #id at station ST01, any pump, for {@code grams}, in the standard slot. */
    static TokenClaims booking(long id, long grams) {
        return TokenClaims.booking("ST01", id, grams, SLOT_START_S, SLOT_END_S, EXPIRY_S);
    }

    static String sign(TokenClaims claims) {
        return TokenText.encode(claims, ISSUER);
    }

    static String token(long id, long grams) {
        return sign(booking(id, grams));
    }

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return s;
    }
}
