/**
 * SenML (RFC 8428): the {@link io.fieldlink.protocol.senml.SenmlPack} of reusable {@link
 * io.fieldlink.protocol.senml.SenmlRecord}s, its CBOR (content-format 112, {@link
 * io.fieldlink.protocol.senml.SenmlCbor}) and JSON (110, {@link
 * io.fieldlink.protocol.senml.SenmlJson}) forms, and resolution to absolute records ({@link
 * io.fieldlink.protocol.senml.SenmlResolver}, optionally with a bounded cache of {@link
 * io.fieldlink.protocol.senml.ResolvedNames}). Decode errors are {@link
 * io.fieldlink.protocol.senml.SenmlException}s naming the record and field.
 *
 * <p>Portable (Java 7, see DESIGN.md). May import {@code io.fieldlink.protocol.cbor} and {@code
 * io.fieldlink.protocol.json}; never records, CoAP or tokens.
 */
package io.fieldlink.protocol.senml;
