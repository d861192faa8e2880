/**
 * The portable firmware: kernel, HAL interfaces, journal, uplink, console shell and the board apps.
 * Portable (Java 7); imports only protocol, boards and the JDK allow-list.
 */
package io.fieldlink.firmware;
