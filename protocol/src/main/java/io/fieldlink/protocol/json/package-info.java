/**
 * A small portable JSON pull reader ({@link io.fieldlink.protocol.json.JsonReader}) and writer
 * ({@link io.fieldlink.protocol.json.JsonWriter}) (RFC 8259), enough for SenML JSON. Errors are
 * {@link io.fieldlink.protocol.json.JsonException} naming the character offset.
 *
 * <p>Portable (Java 7, see DESIGN.md): imports only the JDK allow-list; no other Fieldlink package
 * except {@code io.fieldlink.protocol}.
 */
package io.fieldlink.protocol.json;
