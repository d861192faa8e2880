package io.fieldlink.protocol.record;

/**
 * The CoAP resources of the Fieldlink protocol on the host, with their method and content formats
 * (60 application/cbor, 42 application/octet-stream, 110 SenML JSON, 112 SenML CBOR).
 */
public enum ProtocolResource {
    /** POST a {@link Hello}; 2.04 Changed with a {@link HelloAnswer}. */
    HELLO("hello", "POST", 60, 60),
    /** POST an {@link UplinkBatch}; 2.04 Changed with an {@link Ack}. */
    UPLINK("up", "POST", 60, 60),
    /** GET {@code fw/<version>}: the firmware image, Block2 (RFC 7959). */
    FIRMWARE("fw/", "GET", -1, 42),
    /** POST plain SenML from any standard client, content-format 110 or 112; 2.04 Changed, no body. */
    TELEMETRY("telemetry", "POST", 112, -1);

    public static final int CBOR = 60;
    public static final int OCTET_STREAM = 42;
    public static final int SENML_JSON = 110;
    public static final int SENML_CBOR = 112;

    private final String path;
    private final String method;
    private final int requestFormat;
    private final int responseFormat;

    ProtocolResource(String path, String method, int requestFormat, int responseFormat) {
        this.path = path;
        this.method = method;
        this.requestFormat = requestFormat;
        this.responseFormat = responseFormat;
    }

    /** The path; for {@link #FIRMWARE} the prefix to which the version is appended. */
    public String path() {
        return path;
    }

    public String method() {
        return method;
    }

    /** Request content-format, -1 when there is no body ({@link #TELEMETRY} also accepts 110). */
    public int requestFormat() {
        return requestFormat;
    }

    /** Response content-format, -1 when there is no body. */
    public int responseFormat() {
        return responseFormat;
    }

    /** The path of the firmware image of {@code version}, e.g. "fw/1.4.2". */
    public static String firmwarePath(String version) {
        return FIRMWARE.path + version;
    }
}
