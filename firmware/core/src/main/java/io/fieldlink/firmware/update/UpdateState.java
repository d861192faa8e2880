package io.fieldlink.firmware.update;

/**
 * What a board reports about a firmware update (the SenML string value of {@code firmware}; see
 * docs/protocol.md "Firmware update"). The host adds {@code offered} while the command waits.
 */
public enum UpdateState {
    /** The signed manifest verified; the image is being fetched into the inactive slot. */
    DOWNLOADING("downloading"),
    /** The whole image is in the inactive slot, its digest matches; the board switches and reboots. */
    INSTALLED("installed"),
    /** The new image booted, reached the host and confirmed itself: it is the good slot now. */
    HEALTHY("healthy"),
    /** The new image did not confirm within its trial boots; the board runs the old one again. */
    ROLLED_BACK("rolled-back"),
    /** The update was refused (signature, manifest, size, digest, busy); nothing changed. */
    REFUSED("refused"),
    /** The download could not finish (the host refused it); nothing changed. */
    FAILED("failed");

    private final String wireName;

    UpdateState(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name on the wire, e.g. {@code rolled-back} */
    public String wireName() {
        return wireName;
    }
}
