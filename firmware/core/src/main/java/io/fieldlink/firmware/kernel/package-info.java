/**
 * The kernel: the event loop that drives a board, the board app lifecycle and the builder that
 * wires an app to its HAL, and the fault path (a storage failure or power cut reaching the kernel
 * stops the board and resets it through the HAL's {@code SystemReset}). Portable (Java 7); imports the HAL, journal, console, boards model and
 * the JDK allow-list; never a binding.
 */
package io.fieldlink.firmware.kernel;
