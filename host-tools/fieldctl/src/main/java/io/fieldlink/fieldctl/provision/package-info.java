/**
 * {@code fieldctl provision}: registers a board with the host and gives it, over its serial console,
 * its id, pre-shared key, host address and the issuer keys it must trust. Must not import the host
 * or the firmware.
 */
package io.fieldlink.fieldctl.provision;
