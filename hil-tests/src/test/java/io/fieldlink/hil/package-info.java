/**
 * The HIL suite: real boards (the firmware core on the JVM bindings) against the real host over
 * loopback. Test code only; may import any module.
 */
package io.fieldlink.hil;
