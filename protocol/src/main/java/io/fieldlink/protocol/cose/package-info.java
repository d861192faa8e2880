/**
 * COSE_Sign1 (RFC 9052 §4.2) with EdDSA over Ed25519 (alg -8): building, encoding, parsing and
 * verifying single-signer messages, and the {@link io.fieldlink.protocol.cose.Signer} the issuing side
 * mints with. Verification goes through {@link io.fieldlink.protocol.crypto.Crypto}. Portable: imports
 * only the protocol's CBOR and crypto packages and the JDK allow-list.
 */
package io.fieldlink.protocol.cose;
