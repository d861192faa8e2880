package io.fieldlink.host.firmware;

import io.fieldlink.protocol.record.FirmwareNotice;
import io.fieldlink.protocol.record.ProtocolResource;

/**
 * A registered firmware image: its version, size, SHA-256 and the COSE_Sign1 manifest the host's
 * issuer key signed over them.
 *
 * @param version the image's version (also its file name and {@code fw/<version>})
 * @param sizeBytes its size
 * @param sha256 its SHA-256
 * @param signedManifest the encoded COSE_Sign1 over the {@code FirmwareManifest}
 * @param keyId hex key id of the issuer key that signed it
 * @param registeredAt epoch ms
 */
public record FirmwareImage(String version, long sizeBytes, byte[] sha256, byte[] signedManifest, String keyId,
        long registeredAt) {
    /** @return the notice a firmware update command carries for this image */
    public FirmwareNotice notice() {
        return new FirmwareNotice(version, sizeBytes, sha256, ProtocolResource.firmwarePath(version), signedManifest);
    }
}
