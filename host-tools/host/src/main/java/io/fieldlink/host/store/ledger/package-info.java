/**
 * The ledger's durable store: append-only record files with CRC and fsync. An adapter: imports the
 * ledger's domain interfaces and the JDK's file API, nothing from the HTTP or CoAP sides.
 */
package io.fieldlink.host.store.ledger;
