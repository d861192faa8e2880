/**
 * The hardware abstraction layer: every device facility the portable firmware uses (clock,
 * scheduler, storage, datagram transport, serial console, sensors, actuators, crypto, log) and the system reset after a fault.
 * Implementations: {@code io.fieldlink.firmware.hal.memory} (simulator, tests) and the JVM binding.
 * All interfaces are called from the board's single event-loop thread unless a method says
 * otherwise. Portable (Java 7); imports nothing but the JDK allow-list.
 */
package io.fieldlink.firmware.hal;
