/**
 * Forwarding the ledger to external endpoints: an outbox per endpoint that delivers every entry and
 * checkpoint in order, at least once, with an idempotency key, retrying with back-off and resuming
 * from a durable cursor after a restart. Domain code: the HTTP client and the cursor files are
 * adapters behind {@link io.fieldlink.host.ledger.forward.Delivery} and
 * {@link io.fieldlink.host.ledger.forward.CursorStore}.
 */
package io.fieldlink.host.ledger.forward;
