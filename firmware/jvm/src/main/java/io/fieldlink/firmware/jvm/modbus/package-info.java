/**
 * The field bus on a JVM, through j2mod: the Modbus master (the wellhead's, RTU on a serial port —
 * RS-485 adapter, a Raspberry Pi's UART, or a pty — or Modbus TCP), and {@code ModbusInputs}, which
 * polls the board-file Modbus points of other boards' sensor channels (the pump's Coriolis meter).
 * Transactions run on one bus thread and complete on the board's loop thread; timeouts, CRC errors and
 * exception responses become {@link io.fieldlink.firmware.wellhead.modbus.ModbusStatus} values. Must not import the host, the
 * simulator or fieldctl.
 */
package io.fieldlink.firmware.jvm.modbus;
