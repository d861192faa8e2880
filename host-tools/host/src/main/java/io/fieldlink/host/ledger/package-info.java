/**
 * The tamper-evident ledger of money events: an append-only Merkle-tree log with RFC 9162 hashing
 * and proofs, and Ed25519-signed checkpoints. Domain code: imports no transport, storage or UI
 * library; entries are kept through the {@link io.fieldlink.host.ledger.LedgerStore} interface.
 */
package io.fieldlink.host.ledger;
