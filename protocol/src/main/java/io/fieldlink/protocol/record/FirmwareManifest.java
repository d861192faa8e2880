package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * What the host's issuer key vouches for about one firmware image: its version, its exact size and
 * its SHA-256. It travels as the payload of a COSE_Sign1 (EdDSA, the issuer's key id in the protected
 * header) inside the {@link FirmwareNotice}; a board installs an image only when that signature
 * verifies against an issuer key it trusts and the downloaded bytes match size and digest.
 *
 * <pre>{0: version 1, 1: firmware version (text), 2: size (uint, bytes), 3: sha256 (32-byte string)}</pre>
 */
public final class FirmwareManifest extends CborRecord {
    /** The record version this build writes and reads. */
    public static final long VERSION = 1;

    private final String firmwareVersion;
    private final long sizeBytes;
    private final byte[] sha256;

    /**
     * @param firmwareVersion the image's version, e.g. "1.4.2"
     * @param sizeBytes the image size in bytes
     * @param sha256 the 32-byte SHA-256 of the image (copied)
     * @throws RecordException for an empty version, a negative size or a digest that is not 32 bytes
     */
    public FirmwareManifest(String firmwareVersion, long sizeBytes, byte[] sha256) {
        this.firmwareVersion = Check.text(firmwareVersion, "manifest.firmwareVersion");
        this.sizeBytes = Check.unsigned(sizeBytes, "manifest.size");
        Check.bytes(sha256, "manifest.sha256");
        if (sha256.length != 32) {
            throw new RecordException("manifest.sha256: expected 32 bytes, found " + sha256.length);
        }
        this.sha256 = sha256.clone();
    }

    /** @return the image's version */
    public String firmwareVersion() {
        return firmwareVersion;
    }

    /** @return the image size in bytes */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** @return a copy of the image's SHA-256 */
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public String recordName() {
        return "manifest";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(4).writeInt(0).writeInt(VERSION).writeInt(1).writeText(firmwareVersion).writeInt(2)
                .writeInt(sizeBytes).writeInt(3).writeBytes(sha256);
    }

    /**
     * @param encoded the CBOR map (e.g. the verified payload of the manifest's COSE_Sign1)
     * @return the manifest
     * @throws RecordException naming the field when it does not decode
     */
    public static FirmwareManifest decode(byte[] encoded) {
        FieldMap m = FieldMap.read(encoded, "manifest", VERSION);
        return new FirmwareManifest(m.text(1, "firmwareVersion"), m.uint(2, "size"), m.bytes(3, "sha256"));
    }

    /**
     * @param notice a firmware notice
     * @return true when the notice names exactly this version, size and digest
     */
    public boolean matches(FirmwareNotice notice) {
        if (!firmwareVersion.equals(notice.firmwareVersion()) || sizeBytes != notice.sizeBytes()) {
            return false;
        }
        byte[] other = notice.sha256();
        for (int i = 0; i < 32; i++) {
            if (other[i] != sha256[i]) {
                return false;
            }
        }
        return true;
    }
}
