/**
 * Fieldlink's own records: CBOR maps with small unsigned integer keys and a version under key 0,
 * defined once here and documented in docs/protocol.md. Uplink: {@link
 * io.fieldlink.protocol.record.Hello}, {@link io.fieldlink.protocol.record.UplinkBatch} of {@link
 * io.fieldlink.protocol.record.UplinkRecord}s (SenML telemetry or an event: {@link
 * io.fieldlink.protocol.record.Sale}, {@link io.fieldlink.protocol.record.TokenRedemption}, {@link
 * io.fieldlink.protocol.record.Alarm}, {@link io.fieldlink.protocol.record.ShutIn}, and the device's {@link
 * io.fieldlink.protocol.record.CommandResult} for a host command); downlink:
 * {@link io.fieldlink.protocol.record.HelloAnswer}, {@link io.fieldlink.protocol.record.Ack} and
 * {@link io.fieldlink.protocol.record.Command}s. {@link io.fieldlink.protocol.record.ProtocolResource}
 * names the CoAP resources. Decode errors are {@link io.fieldlink.protocol.record.RecordException}s
 * naming the field, e.g. {@code sale.grams: expected unsigned integer, found text}. {@link
 * io.fieldlink.protocol.record.UplinkBatchReader} reads an {@code UplinkBatch} in one pass for a
 * receiver (the host's ingest), accepting and refusing exactly as {@code UplinkBatch.decode} does.
 *
 * <p>Portable (Java 7, see DESIGN.md). May import {@code io.fieldlink.protocol.cbor} and {@code
 * io.fieldlink.protocol.senml}; never CoAP, COSE or token code: signed command bodies are carried
 * as opaque COSE_Sign1 bytes, made and checked by {@code io.fieldlink.protocol.cose}.
 */
package io.fieldlink.protocol.record;
