package io.fieldlink.firmware.jvm.pack;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.firmware.jvm.update.BootSelector;
import io.fieldlink.firmware.update.BootState;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.record.FirmwareManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the directory that goes onto a device: the runnable jar (the firmware image) and its
 * {@code lib/}, the board file under {@code board/}, a start script and a systemd unit with its
 * environment file template for a Raspberry Pi, and:
 * <ul>
 * <li>{@link #MANIFEST}: the protocol's signed firmware manifest ({@link FirmwareManifest} as
 *     COSE_Sign1, Ed25519 with the issuer key): the jar's version, size and SHA-256. It is the one
 *     source of truth: the update agent on a board checks exactly this, and the host's
 *     {@code POST /api/firmware} keeps it as is when given it.</li>
 * <li>{@link #UPLOAD}: the body of {@code POST /api/firmware} ({@code version}, the jar and the
 *     manifest in base64), so the image is registered on the host and rolled out without signing
 *     anything again.</li>
 * <li>{@link #SUMS}: the SHA-256 of every other file ({@code sha256sum -c} format), to check a copy.</li>
 * </ul>
 * The output directory must be empty or absent, so an image never mixes files of two builds.
 */
public final class ImagePackager {
    /** The systemd unit's file name. */
    public static final String UNIT = "fieldlink-board.service";
    /** The environment file template's name. */
    public static final String ENV = "board.env";
    /** The start script the unit runs (boot selector, then the board from the chosen slot). */
    public static final String START = "board-start.sh";
    /** The signed firmware manifest (COSE_Sign1 of a {@link FirmwareManifest}). */
    public static final String MANIFEST = "firmware.cose";
    /** The host upload body. */
    public static final String UPLOAD = "firmware-upload.json";
    /** The checksum list. */
    public static final String SUMS = "SHA256SUMS";
    /** Where the image is installed on a Pi (the unit's paths). */
    public static final String INSTALL_DIR = "/opt/fieldlink";
    /** The board's data directory on a Pi; its firmware slots are in {@code firmware/} below it. */
    public static final String DATA_DIR = "/var/lib/fieldlink";

    private ImagePackager() {
    }

    /**
     * @param jar the runnable jar (its manifest's Class-Path names {@code lib/...})
     * @param lib the jar's {@code lib/} directory (may be absent for a shaded jar)
     * @param boardName the board's name, e.g. {@code meter}
     * @param boardText the board file's content
     * @param version the firmware version
     * @param key the issuer key that signs the manifest (the host's, so boards trust it)
     * @param out the output directory (created; must be empty)
     * @return what was written
     * @throws IOException when a file cannot be read or written
     * @throws IllegalArgumentException when {@code out} is not empty, the jar is missing or the version is not valid
     */
    public static PackagedImage build(Path jar, Path lib, String boardName, String boardText, String version,
            IssuerKeyPair key, Path out) throws IOException {
        BootState.checkVersion(version);
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
        String jarName = jar.getFileName().toString();
        Files.copy(jar, out.resolve(jarName), StandardCopyOption.COPY_ATTRIBUTES);
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
        Files.writeString(out.resolve(START), start(jarName, boardName, version), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(UNIT), unit(boardName), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(ENV), env(boardName), StandardCharsets.UTF_8);

        byte[] image = Files.readAllBytes(out.resolve(jarName));
        byte[] signed = CoseSign1.sign(new FirmwareManifest(version, image.length,
                BouncyCastleCrypto.INSTANCE.sha256(image)).encode(), key).encode();
        Files.write(out.resolve(MANIFEST), signed);
        Files.writeString(out.resolve(UPLOAD), "{\"version\":\"" + version + "\",\"image\":\""
                + Base64.getEncoder().encodeToString(image) + "\",\"manifest\":\""
                + Base64.getEncoder().encodeToString(signed) + "\"}\n", StandardCharsets.US_ASCII);

        List<String> files = new ArrayList<>();
        StringBuilder sums = new StringBuilder();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> relative(out, p))).toList()) {
                String name = relative(out, p);
                files.add(name);
                if (!name.equals(UPLOAD)) {
                    sums.append(Hex.encode(BouncyCastleCrypto.INSTANCE.sha256(Files.readAllBytes(p)))).append("  ")
                            .append(name).append('\n');
                }
            }
        }
        Files.writeString(out.resolve(SUMS), sums.toString(), StandardCharsets.UTF_8);
        files.add(SUMS);
        files.sort(Comparator.naturalOrder());
        return new PackagedImage(boardName, version, jarName, Hex.encode(key.keyId()), files);
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** The start script: set up the slots with the factory image once, pick the slot, run the board from it. */
    static String start(String jarName, String boardName, String version) {
        String selector = BootSelector.class.getName();
        return "#!/bin/sh\n"
                + "# Started by " + UNIT + " (see docs/flashing.md). The boot selector picks the firmware slot\n"
                + "# (a new image on trial, the good one, or a rollback); the board runs from that slot's jar with\n"
                + "# this image's lib/. A firmware update ends the board with exit code 4 and systemd starts this again.\n"
                + "# FIELDLINK_HOME and FIELDLINK_DATA move the image and the data directory (default " + INSTALL_DIR + ", " + DATA_DIR + ").\n"
                + "set -eu\n"
                + "DIR=\"${FIELDLINK_HOME:-" + INSTALL_DIR + "}\"\n"
                + "DATA=\"${FIELDLINK_DATA:-" + DATA_DIR + "}\"\n"
                + "SLOTS=\"$DATA/firmware\"\n"
                + "CP=\"$DIR/" + jarName + ":$DIR/lib/*\"\n"
                + "if [ ! -f \"$SLOTS/boot-state\" ]; then\n"
                + "  java -cp \"$CP\" " + selector + " --slots \"$SLOTS\" --install " + version + " \"$DIR/" + jarName + "\" >&2\n"
                + "fi\n"
                + "JAR=$(java -cp \"$CP\" " + selector + " --slots \"$SLOTS\")\n"
                + "exec java -Xmx64m -cp \"$JAR:$DIR/lib/*\" io.fieldlink.firmware.jvm.Main --board \"$DIR/board/" + boardName
                + ".board\" --data \"$DATA\" --console \"${FIELDLINK_CONSOLE:-stdio}\" ${FIELDLINK_ARGS:-}\n";
    }

    static String unit(String boardName) {
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
                + "# The script runs the boot selector (firmware slots in " + DATA_DIR + "/firmware), then the board.\n"
                + "ExecStart=/bin/sh " + INSTALL_DIR + "/" + START + "\n"
                + "# SIGTERM stops the board cleanly (outputs to their safe values); a kill is a power cut, also safe.\n"
                + "KillSignal=SIGTERM\n"
                + "TimeoutStopSec=20\n"
                + "# Any exit starts it again: exit 4 after a firmware update boots the new slot (or rolls back).\n"
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
