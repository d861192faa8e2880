package io.fieldlink.firmware.jvm.pack;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.firmware.jvm.runner.BoardFiles;
import io.fieldlink.firmware.kernel.Board;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldlink board package}: the options of the image packager. By default it packages the jar
 * this process runs from, with the {@code lib/} beside it.
 */
@Command(name = "fieldlink board package", mixinStandardHelpOptions = true, sortOptions = false,
        version = "fieldlink board 0.1.0",
        description = "Builds what goes onto a device: the jar and lib/, the board file, a start script and systemd unit, "
                + "the signed firmware manifest (firmware.cose) and the host upload body (firmware-upload.json).",
        footer = {"", "Exit codes: 0 built, 2 bad options, 3 a file could not be read or written."})
public final class PackageCommand {
    @Option(names = "--board", required = true, paramLabel = "NAME", description = "meter, pump, wellhead, or a path to a .board file")
    String board;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory, empty or absent (default target/image-NAME)")
    Path out;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "issuer key file (one line ed25519-seed:HEX, as the host's keyring and 'fieldlink ctl key' write)")
    Path key;

    @Option(names = "--jar", paramLabel = "FILE", description = "the runnable jar to ship (default: the one running)")
    Path jar;

    @Option(names = "--firmware-version", paramLabel = "VERSION", description = "the version the manifest names (default: the built-in one)")
    String firmwareVersion = Board.FIRMWARE_VERSION;

    /** Builds the image and returns a one-line summary. */
    public String run() throws IOException {
        String text = BoardFiles.text(board);
        String name = BoardFiles.definition(board).name();
        IssuerKeyPair signer;
        try {
            signer = IssuerKeyPair.fromPersistedText(Files.readString(key, StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--key " + key + ": not an issuer key: " + e.getMessage(), e);
        }
        Path j = jar != null ? jar : runningJar();
        Path target = out != null ? out : Path.of("target", "image-" + name);
        PackagedImage m = ImagePackager.build(j, j.resolveSibling("lib"), name, text, firmwareVersion, signer, target);
        return "image fieldlink-board-" + m.board() + " " + m.version() + ": " + m.files().size() + " files in " + target
                + ", manifest " + ImagePackager.MANIFEST + " signed by key " + m.keyId() + "; register it on the host with "
                + "POST /api/firmware and the body " + ImagePackager.UPLOAD;
    }

    private static Path runningJar() {
        try {
            Path p = Path.of(PackageCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
                throw new IllegalArgumentException("not running from a jar (" + p + "): give --jar FILE or use ./fieldlink board package");
            }
            return p;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot locate the running jar: " + e.getMessage(), e);
        }
    }
}
