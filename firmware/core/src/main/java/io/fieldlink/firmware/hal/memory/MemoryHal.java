package io.fieldlink.firmware.hal.memory;

/**
 * One board's complete in-memory HAL, with the storage areas the kernel uses ({@code journal}
 * 64 KiB, {@code snapshot} 4 KiB, {@code settings} 4 KiB). Keep it across a simulated reboot to keep
 * the storage; the clock keeps running.
 */
public final class MemoryHal {
    private final MemoryClock clock = new MemoryClock();
    private final MemoryStorage storage = new MemoryStorage().addArea("journal", 64 * 1024)
            .addArea("snapshot", 4 * 1024).addArea("settings", 4 * 1024);
    private final MemoryNetwork network = new MemoryNetwork(clock, 1152);
    private final MemorySerialConsole console = new MemorySerialConsole();
    private final MemorySensors sensors = new MemorySensors();
    private final MemoryActuators actuators = new MemoryActuators();
    private final MemoryCrypto crypto = new MemoryCrypto();
    private final MemoryLog log = new MemoryLog(200);
    private final MemorySystemReset reset = new MemorySystemReset();

    /** @return the clock */
    public MemoryClock clock() {
        return clock;
    }

    /** @return the storage */
    public MemoryStorage storage() {
        return storage;
    }

    /** @return the network link to the host */
    public MemoryNetwork network() {
        return network;
    }

    /** @return the serial console */
    public MemorySerialConsole console() {
        return console;
    }

    /** @return the sensors */
    public MemorySensors sensors() {
        return sensors;
    }

    /** @return the actuators */
    public MemoryActuators actuators() {
        return actuators;
    }

    /** @return the crypto */
    public MemoryCrypto crypto() {
        return crypto;
    }

    /** @return the system reset (give it the reboot to run with {@link MemorySystemReset#onReset}) */
    public MemorySystemReset reset() {
        return reset;
    }

    /** @return the log */
    public MemoryLog log() {
        return log;
    }
}
