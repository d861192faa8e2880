/**
 * In-memory implementations of every HAL interface: first-class, used by the fleet simulator and by
 * tests, which can move the clock, set a sensor, cut power at any byte of a write, drop or delay a
 * datagram, type console lines and reboot the board after a fault ({@link MemorySystemReset}). Not thread-safe: confine one board's HAL to one thread at a time.
 * Portable (Java 7); imports only {@code io.fieldlink.firmware} and the JDK allow-list.
 */
package io.fieldlink.firmware.hal.memory;
