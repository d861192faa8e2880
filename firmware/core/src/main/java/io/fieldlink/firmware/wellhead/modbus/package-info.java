/**
 * The Modbus master seen by the portable firmware (RTU or TCP, chosen by the board file and hidden
 * by the binding), and an in-memory slave for tests and the simulator.
 *
 * <p>Portable (Java 7); must not import j2mod, serial or socket classes: the JVM binding implements
 * {@link io.fieldlink.firmware.wellhead.modbus.ModbusMaster} with j2mod.
 */
package io.fieldlink.firmware.wellhead.modbus;
