/**
 * The protocol's crypto interface on BouncyCastle's lightweight API (no JCA provider). May import
 * BouncyCastle and the protocol; nothing else.
 */
package io.fieldlink.crypto.jvm;
