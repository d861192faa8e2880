/**
 * Ingest: what an uplink holds once decoded ({@link io.fieldlink.host.ingest.Uplink}), its
 * de-duplication by (device, seq), durable storage of readings and events, and rollups at 15
 * minutes, an hour and a day with retention. Imports the store; no CoAP or HTTP library.
 */
package io.fieldlink.host.ingest;
