/**
 * The uplink: batches journal records to the host over CoAP, drops them only once the host
 * acknowledges, backs off while the host is unreachable, says hello at boot (and takes the wall time
 * from the answer) and hands host commands to the app. Portable (Java 7); imports the HAL, the
 * journal, the protocol module and the JDK allow-list; never the kernel.
 */
package io.fieldlink.firmware.uplink;
