package io.fieldlink.firmware.jvm.runner;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardException;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.protocol.crypto.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The files a board process reads at start: its board file (a built-in name such as {@code meter}, or
 * a path to a {@code .board} file), trusted issuer keys ({@code <key id hex> <public key hex>} per
 * line, {@code #} comments, as {@code fieldlink ctl key} writes them) and its pre-shared key (hex).
 * Every problem is an {@link IllegalArgumentException} naming the file and line.
 */
public final class BoardFiles {
    private BoardFiles() {
    }

    /**
     * @param nameOrPath {@code meter}, {@code pump}, {@code wellhead}, or a path to a board file
     * @return the definition
     */
    public static BoardDefinition definition(String nameOrPath) {
        try {
            if (nameOrPath.endsWith(".board") || nameOrPath.contains("/")) {
                Path file = Path.of(nameOrPath);
                return BoardLoader.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            if (!Arrays.asList(BoardLoader.BUILT_IN).contains(nameOrPath)) {
                throw new IllegalArgumentException("--board " + nameOrPath + ": no such board; built in: "
                        + String.join(", ", BoardLoader.BUILT_IN) + " (or a path to a .board file)");
            }
            return BoardLoader.builtIn(nameOrPath);
        } catch (BoardException e) {
            throw new IllegalArgumentException("--board " + nameOrPath + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("--board " + nameOrPath + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /**
     * @param nameOrPath as for {@link #definition}
     * @return the board file's text, as shipped beside a packaged image
     */
    public static String text(String nameOrPath) throws IOException {
        if (nameOrPath.endsWith(".board") || nameOrPath.contains("/")) {
            return Files.readString(Path.of(nameOrPath), StandardCharsets.UTF_8);
        }
        definition(nameOrPath);
        try (InputStream in = BoardLoader.class.getResourceAsStream(nameOrPath + ".board")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * @param file a trusted-keys file
     * @return each key as {key id, public key}
     */
    public static List<byte[][]> trustedKeys(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("--trusted-keys " + file + ": cannot read it: " + e.getMessage(), e);
        }
        List<byte[][]> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("expected '<key id hex> <public key hex>'");
                }
                byte[] kid = Hex.decode(parts[0]);
                byte[] pub = Hex.decode(parts[1]);
                if (pub.length != 32) {
                    throw new IllegalArgumentException("an Ed25519 public key is 64 hex digits, got " + parts[1].length());
                }
                keys.add(new byte[][] {kid, pub});
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--trusted-keys " + file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return keys;
    }

    /**
     * @param file holds the device's pre-shared key as hex digits (white space ignored)
     * @return the key bytes
     */
    public static byte[] psk(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("\\s", "");
        } catch (IOException e) {
            throw new IllegalArgumentException("--psk-file " + file + ": cannot read it: " + e.getMessage(), e);
        }
        byte[] psk;
        try {
            psk = Hex.decode(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--psk-file " + file + ": not hex digits: " + e.getMessage(), e);
        }
        if (psk.length < 16) {
            throw new IllegalArgumentException("--psk-file " + file + ": a PSK needs at least 16 bytes (32 hex digits), got " + psk.length);
        }
        return psk;
    }
}
