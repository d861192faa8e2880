/** The firmware's crypto HAL on a JVM, through jvm-crypto's BouncyCastle implementation. */
package io.fieldlink.firmware.jvm.crypto;
