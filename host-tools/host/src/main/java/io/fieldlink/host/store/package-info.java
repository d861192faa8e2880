/**
 * Durable storage: one MapDB file database with transactions in the data directory
 * ({@link io.fieldlink.host.store.HostStore}) and the single committer thread that groups writes
 * into commits ({@link io.fieldlink.host.store.Committer}). Imports MapDB; no CoAP or HTTP library.
 */
package io.fieldlink.host.store;
