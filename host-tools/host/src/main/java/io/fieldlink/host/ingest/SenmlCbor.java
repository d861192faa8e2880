package io.fieldlink.host.ingest;

/** Decodes a SenML-CBOR pack (content-format 112). Stateless; thread-safe. */
public final class SenmlCbor {
    private SenmlCbor() {
    }

    /**
     * @throws MalformedUplinkException always until the protocol module's CBOR reader is merged
     */
    public static Uplink decode(byte[] payload, String device, long nowMillis) {
        throw new MalformedUplinkException("cbor", "senml+cbor is not supported yet; send senml+json (110)");
    }
}
