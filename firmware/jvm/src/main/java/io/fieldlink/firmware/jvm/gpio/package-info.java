/**
 * Relays, valves and digital inputs on GPIO pins through Pi4J 2: on a Raspberry Pi with a Pi4J GPIO
 * plugin in {@code lib/}; elsewhere Pi4J's mock provider, whose inputs tests drive with
 * {@code mockState}. Input edges arrive on Pi4J's threads and are kept in atomics the loop thread
 * reads; outputs are driven on the loop thread. Must not import the host, the simulator or fieldctl.
 */
package io.fieldlink.firmware.jvm.gpio;
