/**
 * Flashable board images: the signed image manifest ({@link io.fieldlink.firmware.jvm.pack.ImageManifest},
 * its format documented there and in {@code docs/flashing.md}) and the packager behind
 * {@code fieldlink board package} (jar + lib/, board file, systemd unit, manifest). Must not import the
 * host, the simulator or fieldctl; signs with jvm-crypto's {@code IssuerKeyPair}.
 */
package io.fieldlink.firmware.jvm.pack;
