/**
 * Commands from the host to devices: the outbox each feature queues into
 * ({@link io.fieldlink.host.command.CommandOutbox}) and the side the CoAP resources drain and the
 * device's reports retire ({@link io.fieldlink.host.command.CommandDelivery}); the durable
 * implementation is {@code io.fieldlink.host.store.StoredCommandOutbox}. Domain code: no MapDB,
 * Californium or NanoHTTPD imports here.
 */
package io.fieldlink.host.command;
