package io.fieldlink.host.billing.keys;

/** Where an issuer key is in its life. */
public enum IssuerKeyState {
    /** Signs new tokens and commands; exactly one key is active. */
    ACTIVE,
    /** No longer signs; boards and the host still accept what it signed. */
    VERIFY_ONLY,
    /** Neither signs nor verifies; left out of the JWK Set. */
    RETIRED
}
