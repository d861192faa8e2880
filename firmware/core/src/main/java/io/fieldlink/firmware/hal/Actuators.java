package io.fieldlink.firmware.hal;

/**
 * The board's output channels (relays, valves, buzzers), named as in its board definition. Values
 * are raw integers: 0/1 for on/off outputs. Never blocks.
 */
public interface Actuators {
    /**
     * @param channel the channel name
     * @param value the raw value to drive
     * @throws io.fieldlink.firmware.FirmwareException if the board has no such channel
     */
    void set(String channel, long value);

    /**
     * @param channel the channel name
     * @return the value last driven (0 at boot)
     * @throws io.fieldlink.firmware.FirmwareException if the board has no such channel
     */
    long get(String channel);
}
