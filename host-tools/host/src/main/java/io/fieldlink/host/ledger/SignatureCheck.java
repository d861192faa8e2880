package io.fieldlink.host.ledger;

/** Checks a checkpoint signature by key id; false for an unknown key. */
public interface SignatureCheck {
    boolean verify(String keyId, byte[] message, byte[] signature);
}
