/**
 * The host's books: the storage port billing features keep their tables in ({@link
 * io.fieldlink.host.billing.Tables}; books may be kept in memory between the store's commits
 * through {@link io.fieldlink.host.billing.WriteBehind}), and the one way money events reach the ledger exactly once
 * ({@link io.fieldlink.host.billing.MoneyBook}). Sub-packages: {@code accounts} (meter accounts,
 * top-ups, statements, reconciliation), {@code tariff}, {@code station} (pump bookings and sales),
 * {@code production} (wellhead volumes), {@code keys} (issuer keys). Domain code: imports no MapDB,
 * NanoHTTPD, Californium or any other transport, storage or UI library.
 */
package io.fieldlink.host.billing;
