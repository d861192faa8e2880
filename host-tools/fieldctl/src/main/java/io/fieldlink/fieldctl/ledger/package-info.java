/**
 * {@code fieldctl ledger verify}: checks the host's tamper-evident ledger from outside, with its own
 * RFC 9162 hashing and proof verification and its own Ed25519 check of the signed checkpoint, and
 * keeps the last verified checkpoint to prove the log only grew. Must not import the host.
 */
package io.fieldlink.fieldctl.ledger;
