package io.fieldlink.firmware.jvm.pack;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the directory that goes onto a device: the runnable jar and its {@code lib/}, the board
 * file under {@code board/}, a systemd unit and its environment file template for a Raspberry Pi,
 * and {@link ImageManifest#FILE_NAME} listing them all, signed. The output directory must be empty or
 * absent, so an image never mixes files of two builds.
 */
public final class ImagePackager {
    /** The systemd unit's file name. */
    public static final String UNIT = "fieldlink-board.service";
    /** The environment file template's name. */
    public static final String ENV = "board.env";
    /** Where the image is installed on a Pi (the unit's paths). */
    public static final String INSTALL_DIR = "/opt/fieldlink";

    private ImagePackager() {
    }

    /**
     * @param jar the runnable jar (its manifest's Class-Path names {@code lib/...})
     * @param lib the jar's {@code lib/} directory (may be absent for a shaded jar)
     * @param boardName the board's name, e.g. {@code meter}
     * @param boardText the board file's content
     * @param version the firmware version
     * @param key the issuer key that signs the manifest
     * @param out the output directory (created; must be empty)
     * @return the manifest written
     * @throws IOException when a file cannot be read or written
     * @throws IllegalArgumentException when {@code out} is not empty or the jar is missing
     */
    public static ImageManifest build(Path jar, Path lib, String boardName, String boardText, String version,
            IssuerKeyPair key, Path out) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("jar " + jar + " does not exist: build it first (./fieldlink board --help builds it)");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + out + " is not empty; refusing to mix two images");
                }
            }
        } else if (Files.exists(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file");
        }
        Files.createDirectories(out);
        Files.copy(jar, out.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        if (lib != null && Files.isDirectory(lib)) {
            Files.createDirectories(out.resolve("lib"));
            try (Stream<Path> s = Files.list(lib)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    Files.copy(p, out.resolve("lib").resolve(p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(out.resolve("board"));
        Files.writeString(out.resolve("board").resolve(boardName + ".board"), boardText, StandardCharsets.UTF_8);
        Files.writeString(out.resolve(UNIT), unit(jar.getFileName().toString(), boardName), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(ENV), env(boardName), StandardCharsets.UTF_8);

        List<ImageManifest.FileEntry> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> relative(out, p))).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                files.add(new ImageManifest.FileEntry(relative(out, p), bytes.length, BouncyCastleCrypto.INSTANCE.sha256(bytes)));
            }
        }
        ImageManifest manifest = new ImageManifest("fieldlink-board-" + boardName, version, boardName, files);
        Files.writeString(out.resolve(ImageManifest.FILE_NAME), manifest.sign(key), StandardCharsets.UTF_8);
        return manifest;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    static String unit(String jarName, String boardName) {
        return "# Fieldlink board (" + boardName + ") on a Raspberry Pi. Install: see docs/flashing.md.\n"
                + "[Unit]\n"
                + "Description=Fieldlink " + boardName + " board\n"
                + "After=network-online.target\n"
                + "Wants=network-online.target\n"
                + "\n"
                + "[Service]\n"
                + "Type=simple\n"
                + "User=fieldlink\n"
                + "SupplementaryGroups=dialout gpio\n"
                + "EnvironmentFile=/etc/fieldlink/" + ENV + "\n"
                + "StateDirectory=fieldlink\n"
                + "WorkingDirectory=" + INSTALL_DIR + "\n"
                + "ExecStart=/usr/bin/java -Xmx64m -jar " + INSTALL_DIR + "/" + jarName
                + " --board " + INSTALL_DIR + "/board/" + boardName + ".board --data /var/lib/fieldlink"
                + " --console ${FIELDLINK_CONSOLE} $FIELDLINK_ARGS\n"
                + "# SIGTERM stops the board cleanly (outputs to their safe values); a kill is a power cut, also safe.\n"
                + "KillSignal=SIGTERM\n"
                + "TimeoutStopSec=20\n"
                + "Restart=always\n"
                + "RestartSec=2\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n";
    }

    static String env(String boardName) {
        return "# /etc/fieldlink/" + ENV + " for the " + boardName + " board (copy and edit; see docs/flashing.md)\n"
                + "FIELDLINK_CONSOLE=/dev/serial0\n"
                + "# Extra options, e.g. --output relay=17 --input tamper=27 --modbus rtu:/dev/ttyUSB0:9600\n"
                + "# The id, PSK, host and issuer keys come from provisioning over the console ('fieldlink ctl provision');\n"
                + "# --id ID --psk-file FILE --host coaps://HOST:5684 --trusted-keys FILE override them.\n"
                + "FIELDLINK_ARGS=\n";
    }
}
