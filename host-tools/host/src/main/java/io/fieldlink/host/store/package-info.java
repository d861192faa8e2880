/**
 * Durable storage: one MapDB file database with transactions in the data directory
 * ({@link io.fieldlink.host.store.HostStore}), the single committer thread that groups writes into
 * commits ({@link io.fieldlink.host.store.Committer}), the hooks that write what a transaction
 * gathered in memory once just before its commit ({@link io.fieldlink.host.store.CommitHook}), and
 * the stores built on it: time series, audit log, command outbox. Imports MapDB; no CoAP or HTTP
 * library.
 */
package io.fieldlink.host.store;
