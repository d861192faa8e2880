/**
 * Runs one board as a process: the command-line settings ({@link io.fieldlink.firmware.jvm.runner.RunnerSettings}),
 * the board file and trusted-key files, and the assembly of the firmware core's board on the JVM
 * bindings (loop thread, files, DTLS/UDP, serial or stdio console, j2mod Modbus, Pi4J GPIO,
 * BouncyCastle) with a clean stop; identity from the firmware core's {@code provision.Provisioning};
 * firmware update through the core's {@code update.UpdateAgent} on {@code jvm.update.FileFirmwareSlots}
 * (the process exits for the service manager to run the boot selector); the test rigs' time warp
 * ({@code --time-warp}, loopback only). Must not import the host, the simulator or fieldctl.
 */
package io.fieldlink.firmware.jvm.runner;
