/**
 * Commands from the host to devices: the outbox each feature queues into and the CoAP resources
 * drain. Domain code: no MapDB, Californium or NanoHTTPD imports here.
 */
package io.fieldlink.host.command;
