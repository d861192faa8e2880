/**
 * The ledger's durable store: append-only record files with CRC and fsync, and the wiring that makes
 * the ledger's appends durable with the committer's groups (through the ingest log). An adapter:
 * imports the ledger's domain interfaces, the host store's committer hooks and the JDK's file API,
 * nothing from the HTTP or CoAP sides.
 */
package io.fieldlink.host.store.ledger;
