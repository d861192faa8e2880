/**
 * The serial-console HAL on a JVM: a real serial port through jSerialComm (USB-serial adapters,
 * a Raspberry Pi's UART, or a pty), or the process's standard input and output. Bytes are assembled
 * into lines on a reader thread and handed to the board's loop thread. Must not import the host,
 * the simulator or fieldctl.
 */
package io.fieldlink.firmware.jvm.console;
