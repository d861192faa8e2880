package io.fieldlink.simulator;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.crypto.jvm.TokenMint;
import java.nio.charset.StandardCharsets;

/**
 * The simulator's token issuer: an Ed25519 key derived from the seed, trusted by the simulated
 * boards (booking and credit tokens are minted with it; the host's booking API is not in this
 * checkout yet, see the report).
 */
final class Issuer {
    private Issuer() {
    }

    static TokenMint forSeed(long seed) {
        byte[] s = BouncyCastleCrypto.INSTANCE.sha256(("fieldlink-simulator-issuer-" + seed).getBytes(StandardCharsets.UTF_8));
        return new TokenMint(IssuerKeyPair.fromSeed(s));
    }
}
