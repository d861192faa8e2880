package io.fieldlink.firmware.hal;

/**
 * The board's input channels, named as in its board definition (e.g. {@code "voltage"}). A read
 * returns the channel's raw integer value (ADC counts, pulses, a Modbus register); the board
 * model's scaling turns it into engineering units. Reads never block and never allocate.
 */
public interface Sensors {
    /**
     * @param channel the channel name
     * @return true if the channel exists and its last read succeeded
     */
    boolean healthy(String channel);

    /**
     * @param channel the channel name
     * @return the raw value; for a faulty channel, the last good value (see {@link #healthy})
     * @throws io.fieldlink.firmware.FirmwareException if the board has no such channel
     */
    long readRaw(String channel);
}
