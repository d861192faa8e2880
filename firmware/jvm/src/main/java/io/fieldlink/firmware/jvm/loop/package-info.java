/**
 * Drives one board's event loop on a JVM thread: the system clock, and a loop thread that runs due
 * timers and hands work posted from other threads (network, serial, GPIO callbacks) to the loop.
 * Must not import the host, the simulator or fieldctl.
 */
package io.fieldlink.firmware.jvm.loop;
