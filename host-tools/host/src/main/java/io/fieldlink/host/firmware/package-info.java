/**
 * Firmware updates on the host: the registered images with their manifests signed by the host's
 * issuer key ({@link io.fieldlink.host.firmware.FirmwareImages}), rollouts that queue a firmware
 * update command per device through the command outbox ({@link io.fieldlink.host.firmware.FirmwareRollout}),
 * and each board's update state as its reports arrive ({@link io.fieldlink.host.firmware.FirmwareTracker}).
 * Domain code: no MapDB, Californium, Scandium or NanoHTTPD imports here (images are plain files in
 * the directory the CoAP {@code fw/} resource serves).
 */
package io.fieldlink.host.firmware;
