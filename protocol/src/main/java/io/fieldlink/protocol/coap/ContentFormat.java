package io.fieldlink.protocol.coap;

/** CoAP Content-Format numbers (IANA "CoAP Content-Formats" registry) used by Fieldlink. */
public final class ContentFormat {
    /** text/plain; charset=utf-8. */
    public static final int TEXT_PLAIN = 0;
    /** application/link-format (RFC 6690). */
    public static final int LINK_FORMAT = 40;
    /** application/octet-stream: firmware images. */
    public static final int OCTET_STREAM = 42;
    /** application/json. */
    public static final int JSON = 50;
    /** application/cbor: events, sales, commands. */
    public static final int CBOR = 60;
    /** application/senml+json (RFC 8428). */
    public static final int SENML_JSON = 110;
    /** application/senml+cbor (RFC 8428): telemetry. */
    public static final int SENML_CBOR = 112;

    private ContentFormat() {
    }
}
