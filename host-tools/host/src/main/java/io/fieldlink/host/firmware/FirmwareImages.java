package io.fieldlink.host.firmware;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.cose.Signer;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.record.FirmwareManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The firmware images the host serves, in the directory the CoAP {@code fw/} resource reads:
 * {@code <dir>/<version>} is the image and {@code <dir>/manifests/<version>.cose} its manifest
 * (version, size, SHA-256) signed as COSE_Sign1 by the issuer key active when it was registered.
 * Both are written to a temporary file and renamed, image first, so a half-registered image is
 * never offered. Registering a version again with the same bytes changes nothing; with other bytes
 * it is refused (a version names one image forever). Thread-safe.
 */
public final class FirmwareImages {
    /** Largest image accepted, bytes. */
    public static final long MAX_IMAGE = 64L * 1024 * 1024;

    private final Path dir;
    private final Supplier<Signer> signer;
    private final Function<String, byte[]> trustedKey;
    private final Clock clock;

    /**
     * @param dir the firmware directory (created when absent)
     * @param signer the issuer key that signs new manifests (the active one at each registration)
     * @param clock for registration times
     */
    public FirmwareImages(Path dir, Supplier<Signer> signer, Clock clock) {
        this(dir, signer, kid -> null, clock);
    }

    /**
     * @param dir the firmware directory (created when absent)
     * @param signer the issuer key that signs new manifests (the active one at each registration)
     * @param trustedKey the public key of a trusted issuer key by its hex id, or null: a manifest
     *     signed beforehand ({@code fieldlink board package}) is accepted when it verifies under one
     * @param clock for registration times
     */
    public FirmwareImages(Path dir, Supplier<Signer> signer, Function<String, byte[]> trustedKey, Clock clock) {
        this.dir = dir;
        this.signer = signer;
        this.trustedKey = trustedKey;
        this.clock = clock;
    }

    /**
     * @param version 1-64 characters of {@code A-Z a-z 0-9 . _ -}, not starting with a dot
     * @return it
     * @throws IllegalArgumentException otherwise
     */
    public static String checkVersion(String version) {
        if (version == null || version.isEmpty() || version.length() > 64 || version.charAt(0) == '.') {
            throw new IllegalArgumentException("version must be 1-64 characters of A-Z a-z 0-9 . _ - not starting with a dot");
        }
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '-')) {
                throw new IllegalArgumentException("version has a character that is not allowed: '" + c + "'");
            }
        }
        return version;
    }

    /**
     * Stores an image and signs its manifest.
     *
     * @return the registered image
     * @throws IllegalArgumentException for a bad version, an empty or too large image
     * @throws IllegalStateException when the version is registered with other bytes
     * @throws UncheckedIOException when the files cannot be written (nothing is registered then)
     */
    public synchronized FirmwareImage register(String version, byte[] image) {
        return register(version, image, null);
    }

    /**
     * Stores an image with a manifest signed beforehand (the {@code firmware.cose} of a packaged
     * image), or signs one when {@code signedManifest} is null. A given manifest must be a COSE_Sign1
     * by one of this host's trusted issuer keys naming exactly this version, size and SHA-256; it is
     * stored unchanged, so boards check the very signature the packager made.
     *
     * @return the registered image
     * @throws IllegalArgumentException for a bad version, an empty or too large image, or a manifest
     *     that does not decode, is signed by an unknown key, does not verify or names another image
     * @throws IllegalStateException when the version is registered with other bytes
     * @throws UncheckedIOException when the files cannot be written (nothing is registered then)
     */
    public synchronized FirmwareImage register(String version, byte[] image, byte[] signedManifest) {
        checkVersion(version);
        if (image.length == 0) {
            throw new IllegalArgumentException("image is empty");
        }
        if (image.length > MAX_IMAGE) {
            throw new IllegalArgumentException("image of " + image.length + " bytes is larger than " + MAX_IMAGE);
        }
        byte[] sha = sha256(image);
        Optional<FirmwareImage> existing = find(version);
        if (existing.isPresent()) {
            if (Arrays.equals(existing.get().sha256(), sha)) {
                return existing.get();
            }
            throw new IllegalStateException("firmware " + version + " is already registered with other bytes; "
                    + "give the new image a new version");
        }
        byte[] manifest;
        String kid;
        if (signedManifest == null) {
            Signer key = signer.get();
            manifest = CoseSign1.sign(new FirmwareManifest(version, image.length, sha).encode(), key).encode();
            kid = Hex.encode(key.keyId());
        } else {
            kid = checkSigned(version, image.length, sha, signedManifest);
            manifest = signedManifest.clone();
        }
        try {
            Files.createDirectories(dir.resolve("manifests"));
            writeAtomically(dir.resolve(version), image);
            writeAtomically(manifestFile(version), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store firmware " + version + ": " + e.getMessage(), e);
        }
        return new FirmwareImage(version, image.length, sha, manifest, kid, clock.millis());
    }

    /** @return the manifest's key id (hex) when it is trusted, verifies and names this image */
    private String checkSigned(String version, long size, byte[] sha, byte[] signedManifest) {
        CoseSign1 cose;
        FirmwareManifest m;
        try {
            cose = CoseSign1.decode(signedManifest);
            m = FirmwareManifest.decode(cose.payload());
        } catch (ProtocolException e) {
            throw new IllegalArgumentException("manifest is not a signed firmware manifest (COSE_Sign1): " + e.getMessage(), e);
        }
        String kid = cose.keyId() == null ? "" : Hex.encode(cose.keyId());
        byte[] key = kid.isEmpty() ? null : trustedKey.apply(kid);
        if (key == null) {
            throw new IllegalArgumentException("manifest is signed by key '" + kid + "', which is not a trusted issuer key of this host");
        }
        if (!cose.verify(BouncyCastleCrypto.INSTANCE, key)) {
            throw new IllegalArgumentException("manifest signature does not verify under issuer key " + kid);
        }
        if (!m.firmwareVersion().equals(version) || m.sizeBytes() != size || !Arrays.equals(m.sha256(), sha)) {
            throw new IllegalArgumentException("manifest names " + m.firmwareVersion() + " of " + m.sizeBytes()
                    + " bytes with another digest, not this image (" + version + ", " + size + " bytes)");
        }
        return kid;
    }

    /** @return the image registered as {@code version}, or empty (also for a version that is not valid) */
    public synchronized Optional<FirmwareImage> find(String version) {
        try {
            checkVersion(version);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Path image = dir.resolve(version);
        Path manifestFile = manifestFile(version);
        if (!Files.isRegularFile(image) || !Files.isRegularFile(manifestFile)) {
            return Optional.empty();
        }
        try {
            byte[] manifestBytes = Files.readAllBytes(manifestFile);
            CoseSign1 cose = CoseSign1.decode(manifestBytes);
            FirmwareManifest m = FirmwareManifest.decode(cose.payload());
            return Optional.of(new FirmwareImage(version, m.sizeBytes(), m.sha256(), manifestBytes,
                    cose.keyId() == null ? "" : Hex.encode(cose.keyId()), Files.getLastModifiedTime(manifestFile).toMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read firmware " + version + ": " + e.getMessage(), e);
        } catch (ProtocolException e) {
            throw new IllegalStateException("the manifest of firmware " + version + " is damaged: " + e.getMessage(), e);
        }
    }

    /** @return every registered image, by version */
    public synchronized List<FirmwareImage> all() {
        List<FirmwareImage> out = new ArrayList<>();
        Path manifests = dir.resolve("manifests");
        if (!Files.isDirectory(manifests)) {
            return out;
        }
        try (Stream<Path> files = Files.list(manifests)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cose")).sorted()
                    .forEach(n -> find(n.substring(0, n.length() - 5)).ifPresent(out::add));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list firmware: " + e.getMessage(), e);
        }
        return out;
    }

    private Path manifestFile(String version) {
        return dir.resolve("manifests").resolve(version + ".cose");
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
