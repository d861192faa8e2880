package io.fieldlink.firmware.jvm.crypto;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.firmware.hal.Crypto;
import io.fieldlink.firmware.uplink.ProtocolBackedHalCrypto;

/** The board's crypto HAL (SHA-256, HMAC-SHA256, Ed25519 verify) on BouncyCastle's lightweight API. */
public final class BouncyCastleHalCrypto {
    /** The HAL crypto every JVM board uses. */
    public static final Crypto INSTANCE = new ProtocolBackedHalCrypto(BouncyCastleCrypto.INSTANCE);

    private BouncyCastleHalCrypto() {
    }
}
