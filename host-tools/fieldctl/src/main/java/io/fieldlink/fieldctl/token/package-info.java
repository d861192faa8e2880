/**
 * fieldctl's token side: issuer keys, minting credit and booking tokens, and checking a token the
 * way a board would, offline. Imports the protocol's token package and jvm-crypto; nothing of the
 * host or the firmware.
 */
package io.fieldlink.fieldctl.token;
