package io.fieldlink.firmware.wellhead;

/**
 * The surface safety valve output (fails closed). Event loop only; must not block.
 */
public interface SafetyValve {
    /** @param open true to let the well flow, false to shut it in */
    void setOpen(boolean open);
}
