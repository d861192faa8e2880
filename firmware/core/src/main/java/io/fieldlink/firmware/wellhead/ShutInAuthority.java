package io.fieldlink.firmware.wellhead;

/**
 * Decides whether a reset request carries authority: a provisioned technician's PIN on the
 * console, or a host signature over the reset. Event loop only; must not block.
 */
public interface ShutInAuthority {
    /** @return true only when the request is authorised; never throws on bad credentials */
    boolean authorises(ResetRequest request);
}
