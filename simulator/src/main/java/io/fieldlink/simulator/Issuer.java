package io.fieldlink.simulator;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.crypto.jvm.TokenMint;
import java.nio.charset.StandardCharsets;

/**
 * The simulator's token issuer: an Ed25519 key derived from the seed, trusted by the simulated
 * meters (their credit tokens are minted with it). Pump bookings are made through the host's
 * booking API and signed with the host's issuer key.
 */
final class Issuer {
    private Issuer() {
    }

    static TokenMint forSeed(long seed) {
        byte[] s = BouncyCastleCrypto.INSTANCE.sha256(("fieldlink-simulator-issuer-" + seed).getBytes(StandardCharsets.UTF_8));
        return new TokenMint(IssuerKeyPair.fromSeed(s));
    }
}
