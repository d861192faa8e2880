package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.hal.Actuators;

/** A {@link SafetyValve} driving one on/off HAL output: 1 open, 0 closed (shut in). Event loop only. */
public final class ActuatorSafetyValve implements SafetyValve {
    private final Actuators actuators;
    private final String channel;

    /**
     * @param actuators the board's outputs
     * @param channel the valve's output name in the board file
     */
    public ActuatorSafetyValve(Actuators actuators, String channel) {
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
