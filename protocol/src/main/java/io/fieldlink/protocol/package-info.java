/**
 * Everything that crosses the wire between a board and the host: CBOR, SenML, CoAP messages,
 * Fieldlink records and QR tokens. Portable (Java 7, see DESIGN.md): imports nothing outside the JDK
 * allow-list in {@code build/portable-jdk-allowlist.txt}, and no library at all.
 */
package io.fieldlink.protocol;
