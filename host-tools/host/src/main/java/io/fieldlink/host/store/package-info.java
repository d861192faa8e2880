/**
 * Durable storage: one MapDB file database with transactions in the data directory
 * ({@link io.fieldlink.host.store.HostStore}), the single committer thread that groups writes into
 * commits ({@link io.fieldlink.host.store.Committer}), the hooks that write what a transaction
 * gathered in memory once just before its commit ({@link io.fieldlink.host.store.CommitHook}; with
 * the ingest log a write-behind hook such as the time series keeps what groups published in an
 * in-memory overlay its readers read through until the checkpoint's commit), and the stores built on
 * it: time series, audit log, command outbox. Imports MapDB; no CoAP or HTTP
 * library.
 */
package io.fieldlink.host.store;
