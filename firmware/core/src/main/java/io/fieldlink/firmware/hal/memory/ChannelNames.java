package io.fieldlink.firmware.hal.memory;

/**
 * Finds a channel in the first {@code count} names of a small array: by identity first (the kernel
 * and the simulator's physics name a channel with the same string object every sample), then by
 * content. Shared by the in-memory sensors and actuators, which keep their channels in arrays.
 */
final class ChannelNames {
    private ChannelNames() {
    }

    /** @return the index of {@code name} among {@code names[0..count)}, or -1 */
    static int indexOf(String[] names, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
