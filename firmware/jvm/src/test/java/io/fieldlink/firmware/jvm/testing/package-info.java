/**
 * Test helpers shared through this module's test-jar (hil-tests uses them): socat pty pairs and the
 * technician's end of a serial console. Test code only.
 */
package io.fieldlink.firmware.jvm.testing;
