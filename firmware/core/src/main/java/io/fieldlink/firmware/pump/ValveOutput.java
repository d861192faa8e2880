package io.fieldlink.firmware.pump;

/**
 * The dispenser's solenoid valve (a digital output of the HAL). Closed is the safe state.
 * Event loop only; must not block.
 */
public interface ValveOutput {
    /** @param open true to let gas flow, false to stop it */
    void setOpen(boolean open);
}
