package io.fieldlink.firmware.pump;

import io.fieldlink.firmware.hal.Actuators;

/**
 * A {@link ValveOutput} driving one on/off output of the HAL: 1 open, 0 closed. Event loop only.
 */
public final class ActuatorValve implements ValveOutput {
    private final Actuators actuators;
    private final String channel;

    /**
     * @param actuators the board's outputs
     * @param channel the valve's output name in the board file
     */
    public ActuatorValve(Actuators actuators, String channel) {
        if (actuators == null || channel == null) {
            throw new IllegalArgumentException("actuators and channel are required");
        }
        this.actuators = actuators;
        this.channel = channel;
    }

    @Override
    public void setOpen(boolean open) {
        actuators.set(channel, open ? 1 : 0);
    }
}
