/**
 * Runs one board as a process on a JVM or a Raspberry Pi: the HAL bound to UDP + DTLS, files,
 * serial ports, Modbus and GPIO. Must not import the host, the simulator or fieldctl.
 */
package io.fieldlink.firmware.jvm;
