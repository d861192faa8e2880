package io.fieldlink.host.firmware;

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
    private final Clock clock;

    /**
     * @param dir the firmware directory (created when absent)
     * @param signer the issuer key that signs new manifests (the active one at each registration)
     * @param clock for registration times
     */
    public FirmwareImages(Path dir, Supplier<Signer> signer, Clock clock) {
        this.dir = dir;
        this.signer = signer;
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
        Signer key = signer.get();
        byte[] manifest = CoseSign1.sign(new FirmwareManifest(version, image.length, sha).encode(), key).encode();
        try {
            Files.createDirectories(dir.resolve("manifests"));
            writeAtomically(dir.resolve(version), image);
            writeAtomically(manifestFile(version), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store firmware " + version + ": " + e.getMessage(), e);
        }
        return new FirmwareImage(version, image.length, sha, manifest, Hex.encode(key.keyId()), clock.millis());
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
