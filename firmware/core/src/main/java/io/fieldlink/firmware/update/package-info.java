/**
 * Firmware update on the board: the {@link io.fieldlink.firmware.update.UpdateAgent} that takes a
 * host's firmware update command, checks the signed manifest, downloads the image with Block2 into
 * the inactive slot (resuming after a power cut), verifies its SHA-256, switches, and confirms the
 * new image healthy or lets the boot selector roll it back; the A/B
 * {@link io.fieldlink.firmware.update.BootState} a boot selector keeps; and the
 * {@link io.fieldlink.firmware.update.UpdatingUplinkFactory} that hooks the agent into a board's
 * uplink without touching the apps. Portable (Java 7); imports the HAL, journal, kernel, uplink,
 * the protocol module and the JDK allow-list, never a binding.
 */
package io.fieldlink.firmware.update;
