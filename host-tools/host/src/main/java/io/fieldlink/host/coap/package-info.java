/**
 * The CoAP adapter (Californium, Scandium): DTLS 1.2 PSK endpoint backed by the registry, the
 * optional plain endpoint, and the resources devices call. Decodes payloads and hands them to
 * {@code io.fieldlink.host.ingest}; imports no HTTP library.
 */
package io.fieldlink.host.coap;
