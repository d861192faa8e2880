/**
 * Firmware slots on the JVM: slots A and B are jar files in the board's data directory beside an
 * atomically replaced boot-state file ({@link io.fieldlink.firmware.jvm.update.FileFirmwareSlots}),
 * and the {@link io.fieldlink.firmware.jvm.update.BootSelector} the service manager runs before the
 * board to pick the jar (trial, good, or roll back). Must not import the host, the simulator or
 * fieldctl.
 */
package io.fieldlink.firmware.jvm.update;
