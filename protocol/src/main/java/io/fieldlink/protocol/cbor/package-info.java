/**
 * CBOR (RFC 8949): a streaming {@link io.fieldlink.protocol.cbor.CborWriter} with a reusable
 * buffer, a pull {@link io.fieldlink.protocol.cbor.CborReader} with {@link
 * io.fieldlink.protocol.cbor.CborLimits}, and the {@link io.fieldlink.protocol.cbor.CborValue} tree
 * with deterministic encoding and diagnostic notation; a reader may share a bounded {@link
 * io.fieldlink.protocol.cbor.TextCache} of texts it decoded before. Every decode failure is a {@link
 * io.fieldlink.protocol.cbor.CborException} naming the byte offset.
 *
 * <p>Portable (Java 7, see DESIGN.md). Imports only the JDK allow-list; never another Fieldlink
 * package except {@code io.fieldlink.protocol}.
 */
package io.fieldlink.protocol.cbor;
