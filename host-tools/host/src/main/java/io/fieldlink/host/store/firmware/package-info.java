/**
 * The boards' firmware update states on disk, for {@code io.fieldlink.host.firmware.FirmwareTracker}:
 * one text file replaced atomically on every change.
 */
package io.fieldlink.host.store.firmware;
