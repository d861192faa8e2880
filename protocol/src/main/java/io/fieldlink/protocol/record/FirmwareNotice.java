package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * Tells a device a firmware image is waiting: it fetches {@code uri} (Block2 GET of {@code
 * fw/<version>}) and checks size and SHA-256 before installing.
 *
 * <pre>{0: version 1, 1: firmware version (text), 2: size (uint, bytes), 3: sha256 (32-byte string),
 *  4: uri (text, e.g. "fw/1.4.2")}</pre>
 */
public final class FirmwareNotice extends CborRecord {
    public static final long VERSION = 1;

    private final String firmwareVersion;
    private final long sizeBytes;
    private final byte[] sha256;
    private final String uri;

    public FirmwareNotice(String firmwareVersion, long sizeBytes, byte[] sha256, String uri) {
        this.firmwareVersion = Check.text(firmwareVersion, "firmware.firmwareVersion");
        this.sizeBytes = Check.unsigned(sizeBytes, "firmware.size");
        this.sha256 = Check.bytes(sha256, "firmware.sha256");
        if (sha256.length != 32) {
            throw new RecordException("firmware.sha256: expected 32 bytes, found " + sha256.length);
        }
        this.uri = Check.text(uri, "firmware.uri");
    }

    public String firmwareVersion() {
        return firmwareVersion;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public byte[] sha256() {
        return sha256.clone();
    }

    public String uri() {
        return uri;
    }

    @Override
    public String recordName() {
        return "firmware";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(5).writeInt(0).writeInt(VERSION).writeInt(1).writeText(firmwareVersion)
                .writeInt(2).writeInt(sizeBytes).writeInt(3).writeBytes(sha256).writeInt(4).writeText(uri);
    }

    static FirmwareNotice from(FieldMap m) {
        return new FirmwareNotice(m.text(1, "firmwareVersion"), m.uint(2, "size"), m.bytes(3, "sha256"), m.text(4, "uri"));
    }
}
