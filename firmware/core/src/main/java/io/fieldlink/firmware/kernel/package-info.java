/**
 * The kernel: the event loop that drives a board, the board app lifecycle and the builder that
 * wires an app to its HAL. Portable (Java 7); imports the HAL, journal, console, boards model and
 * the JDK allow-list; never a binding.
 */
package io.fieldlink.firmware.kernel;
