/**
 * The fleet simulator: the real firmware core on a simulated HAL, with physics, a virtual clock and
 * faults. Must not import firmware/jvm.
 */
package io.fieldlink.simulator;
