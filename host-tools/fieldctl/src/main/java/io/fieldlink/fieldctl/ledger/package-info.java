/**
 * {@code ledger verify}: checks a host's ledger from outside over its HTTP API — the checkpoint's
 * Ed25519 signature against the host's JWK Set, every entry against the checkpoint's root, and the
 * host's inclusion and consistency proofs — with its own RFC 9162 code (not the host's), so the two
 * implementations check each other. Imports only the JDK, protocol and jvm-crypto.
 */
package io.fieldlink.fieldctl.ledger;
