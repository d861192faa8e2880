package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborWriter;

/**
 * Tells a device a firmware image is waiting: it fetches {@code uri} (Block2 GET of {@code
 * fw/<version>}) and checks size and SHA-256 before installing. The signed manifest (key 5, a
 * COSE_Sign1 over a {@link FirmwareManifest} by the host's issuer key) is what the device trusts: it
 * installs only when the manifest verifies and names the same version, size and digest.
 *
 * <pre>{0: version 1, 1: firmware version (text), 2: size (uint, bytes), 3: sha256 (32-byte string),
 *  4: uri (text, e.g. "fw/1.4.2"), 5: signed manifest (bytes, COSE_Sign1; absent in notices from
 *  hosts before it)}</pre>
 */
public final class FirmwareNotice extends CborRecord {
    public static final long VERSION = 1;

    private final String firmwareVersion;
    private final long sizeBytes;
    private final byte[] sha256;
    private final String uri;
    private final byte[] signedManifest;

    /** A notice without a signed manifest (a device that requires one refuses it). */
    public FirmwareNotice(String firmwareVersion, long sizeBytes, byte[] sha256, String uri) {
        this(firmwareVersion, sizeBytes, sha256, uri, null);
    }

    /**
     * @param signedManifest the encoded COSE_Sign1 over the {@link FirmwareManifest}, or null
     */
    public FirmwareNotice(String firmwareVersion, long sizeBytes, byte[] sha256, String uri, byte[] signedManifest) {
        this.signedManifest = signedManifest == null ? null : signedManifest.clone();
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

    /** @return a copy of the signed manifest (COSE_Sign1 bytes), or null when the notice has none */
    public byte[] signedManifest() {
        return signedManifest == null ? null : signedManifest.clone();
    }

    @Override
    public String recordName() {
        return "firmware";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(signedManifest == null ? 5 : 6).writeInt(0).writeInt(VERSION).writeInt(1).writeText(firmwareVersion)
                .writeInt(2).writeInt(sizeBytes).writeInt(3).writeBytes(sha256).writeInt(4).writeText(uri);
        if (signedManifest != null) {
            w.writeInt(5).writeBytes(signedManifest);
        }
    }

    static FirmwareNotice from(FieldMap m) {
        return new FirmwareNotice(m.text(1, "firmwareVersion"), m.uint(2, "size"), m.bytes(3, "sha256"), m.text(4, "uri"),
                m.has(5) ? m.bytes(5, "manifest") : null);
    }

    /**
     * @param encoded a notice map on its own (as a board's command handler gets it)
     * @return the notice
     * @throws RecordException naming the field when it does not decode
     */
    public static FirmwareNotice decode(byte[] encoded) {
        return from(FieldMap.read(encoded, "firmware", VERSION));
    }
}
