/**
 * The technician's console shell over the serial HAL: hand-parsed command lines, registered
 * commands, a human and a machine (one parseable line per command) output mode, and a PIN login
 * with a growing lock-out. Portable (Java 7); imports the HAL, {@code journal.Settings} and the JDK
 * allow-list; never the kernel.
 */
package io.fieldlink.firmware.console;
