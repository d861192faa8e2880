/**
 * CoAP messages (RFC 7252) with the block options of RFC 7959: the message model
 * ({@link io.fieldlink.protocol.coap.CoapMessage}, {@link io.fieldlink.protocol.coap.CoapOptions}),
 * codes, option numbers and content formats as named constants, and the wire codec
 * ({@link io.fieldlink.protocol.coap.CoapEncoder}, {@link io.fieldlink.protocol.coap.CoapDecoder}).
 *
 * <p>Malformed input is reported as a {@link io.fieldlink.protocol.coap.CoapFormatException} whose
 * {@link io.fieldlink.protocol.coap.CoapFormatException.Reason} says exactly what is wrong and where.
 * Everything here is single-threaded, reusable and allocation-free once its buffers are warm.
 *
 * <p>Portable (Java 7, see DESIGN.md): imports only {@code io.fieldlink.protocol} and the JDK
 * allow-list; no transport, no clock, no CBOR.
 */
package io.fieldlink.protocol.coap;
