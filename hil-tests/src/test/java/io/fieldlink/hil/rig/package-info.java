/**
 * The HIL rigs: one {@link io.fieldlink.hil.rig.Rig} interface (power, console, sensors, outputs) and
 * its in-process, pty and serial implementations. Test code only; may import any module.
 */
package io.fieldlink.hil.rig;
