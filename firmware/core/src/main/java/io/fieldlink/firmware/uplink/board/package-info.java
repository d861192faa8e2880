/**
 * Plugs the CoAP uplink into the kernel: the {@link io.fieldlink.firmware.kernel.UplinkFactory} a
 * board builder takes. Portable (Java 7); imports the kernel and the uplink, nothing from the apps.
 */
package io.fieldlink.firmware.uplink.board;
