/**
 * The crypto a device needs to check what it is given ({@link io.fieldlink.protocol.crypto.Crypto}:
 * SHA-256, HMAC-SHA-256, Ed25519 verification) and a hex codec for keys and key ids. Portable: the
 * interface is implemented by the platform (BouncyCastle on the JVM, the HAL on a board); nothing here
 * implements a cryptographic primitive. Imports nothing outside the JDK allow-list.
 */
package io.fieldlink.protocol.crypto;
