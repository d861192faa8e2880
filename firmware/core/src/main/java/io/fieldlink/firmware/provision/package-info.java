/**
 * Provisioning a board over its console: the {@code provision} command a technician's fieldctl
 * drives (device id, DTLS pre-shared key, host address, trusted issuer keys, committed atomically to
 * the settings) and {@link io.fieldlink.firmware.provision.Provisioning}, which a runner reads at
 * start-up. Portable (Java 7); imports the console, journal, uplink and protocol packages and the
 * JDK allow-list.
 */
package io.fieldlink.firmware.provision;
