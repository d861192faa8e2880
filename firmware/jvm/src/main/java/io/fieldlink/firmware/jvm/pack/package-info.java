/**
 * Flashable board images: the packager behind {@code fieldlink board package} (jar + lib/, board
 * file, start script and systemd unit, the protocol's signed firmware manifest
 * {@code firmware.cose}, the host upload body and a checksum list; see {@code docs/flashing.md}).
 * Must not import the host, the simulator or fieldctl; signs with jvm-crypto's {@code IssuerKeyPair}.
 */
package io.fieldlink.firmware.jvm.pack;
