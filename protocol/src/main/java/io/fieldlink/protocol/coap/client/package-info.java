/**
 * The board side of CoAP messaging (RFC 7252 §4, RFC 7959): {@link io.fieldlink.protocol.coap.client.CoapClient}
 * retransmits confirmable requests with randomised exponential back-off, matches responses by token,
 * de-duplicates inbound messages by message id and reports failures as values;
 * {@link io.fieldlink.protocol.coap.client.Block2Download} fetches a large resource block by block
 * and can resume from a remembered block number.
 *
 * <p>No threads and no blocking: time comes from an injected {@link io.fieldlink.protocol.coap.client.CoapClock},
 * datagrams leave through an injected {@link io.fieldlink.protocol.coap.client.DatagramSender} and
 * arrive through {@code CoapClient.onDatagram}; the owner's event loop calls {@code poll()} at the
 * deadline it returns. Every callback runs on the caller's thread, inside those calls.
 *
 * <p>Portable (Java 7, see DESIGN.md): imports only {@code io.fieldlink.protocol.coap} and the JDK
 * allow-list; no sockets, no system clock, no DTLS (the binding's sender does that).
 */
package io.fieldlink.protocol.coap.client;
