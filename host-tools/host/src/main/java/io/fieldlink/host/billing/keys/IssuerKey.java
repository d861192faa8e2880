package io.fieldlink.host.billing.keys;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.protocol.crypto.Hex;

/** One issuer key with its state; {@link #kid()} is the lower-case hex of the 8-byte COSE key id. */
public record IssuerKey(IssuerKeyPair pair, IssuerKeyState state, long createdMillis) {
    public String kid() {
        return Hex.encode(pair.keyId());
    }

    IssuerKey withState(IssuerKeyState next) {
        return new IssuerKey(pair, next, createdMillis);
    }
}
