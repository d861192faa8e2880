package io.fieldlink.firmware.jvm.pack;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.protocol.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The signed manifest of a board image: what it is and the SHA-256 of every file in it, signed with
 * an issuer key (Ed25519). A board, an installer or {@code fieldlink board package} checks an image
 * with {@link #parse} then {@link #verify}, then each file against its digest. Immutable.
 *
 * <p><b>Format</b> (UTF-8 text, LF line ends, one field per line, in this order):
 * <pre>
 * fieldlink-image 1
 * name NAME                      e.g. fieldlink-board-meter
 * version VERSION                the firmware version, e.g. 0.1.0
 * board BOARD                    the board file's name, e.g. meter
 * file SHA256HEX SIZE PATH       one line per file, PATH relative with '/' separators, sorted
 * key-id KIDHEX                  the issuer key's id (first 8 bytes of SHA-256 of its public key)
 * signature SIGHEX               Ed25519 over every byte before this line (128 hex digits)
 * </pre>
 * Names, versions and paths hold no blanks; paths never start with '/' nor contain '..'. Anything
 * else (an unknown line, a missing field, a second signature) makes the manifest malformed.
 *
 * @param name the image's name
 * @param version the firmware version
 * @param board the board name
 * @param files the files, sorted by path
 */
public record ImageManifest(String name, String version, String board, List<FileEntry> files) {
    /** The first line of every manifest. */
    public static final String MAGIC = "fieldlink-image 1";
    /** The manifest's file name inside an image. */
    public static final String FILE_NAME = "manifest.txt";

    /**
     * One file of the image.
     *
     * @param path relative path with '/' separators
     * @param size bytes
     * @param sha256 the 32-byte digest
     */
    public record FileEntry(String path, long size, byte[] sha256) {
        /** @throws IllegalArgumentException for an unsafe path, a negative size or a digest of the wrong length */
        public FileEntry {
            checkWord("path", path);
            if (path.startsWith("/") || Arrays.asList(path.split("/")).contains("..") || path.contains("\\")) {
                throw new IllegalArgumentException("path " + path + ": must be relative, with '/' and no '..'");
            }
            if (size < 0) {
                throw new IllegalArgumentException("file " + path + ": negative size " + size);
            }
            if (sha256.length != 32) {
                throw new IllegalArgumentException("file " + path + ": SHA-256 must be 32 bytes, got " + sha256.length);
            }
            sha256 = sha256.clone();
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        /** @return true if {@code bytes} are this file's content */
        public boolean matches(byte[] bytes) {
            return bytes.length == size && Arrays.equals(BouncyCastleCrypto.INSTANCE.sha256(bytes), sha256);
        }
    }

    /** @throws IllegalArgumentException for blank or spaced fields */
    public ImageManifest {
        checkWord("name", name);
        checkWord("version", version);
        checkWord("board", board);
        files = List.copyOf(files);
        for (int i = 1; i < files.size(); i++) {
            if (files.get(i - 1).path().compareTo(files.get(i).path()) >= 0) {
                throw new IllegalArgumentException("files must be sorted by path with no repeats: " + files.get(i).path());
            }
        }
    }

    private static void checkWord(String what, String value) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException(what + " '" + value + "': must be non-empty, printable, without blanks");
        }
    }

    /** @return the text the signature covers: every line up to and including {@code key-id} */
    String signedText(byte[] keyId) {
        StringBuilder b = new StringBuilder(MAGIC).append('\n');
        b.append("name ").append(name).append('\n');
        b.append("version ").append(version).append('\n');
        b.append("board ").append(board).append('\n');
        for (FileEntry f : files) {
            b.append("file ").append(Hex.encode(f.sha256)).append(' ').append(f.size).append(' ').append(f.path).append('\n');
        }
        b.append("key-id ").append(Hex.encode(keyId)).append('\n');
        return b.toString();
    }

    /**
     * @param key the issuer key to sign with
     * @return the complete manifest text
     */
    public String sign(IssuerKeyPair key) {
        String signed = signedText(key.keyId());
        byte[] signature = key.sign(signed.getBytes(StandardCharsets.UTF_8));
        return signed + "signature " + Hex.encode(signature) + "\n";
    }

    /**
     * Reads a manifest and checks its signature against the trusted keys.
     *
     * @param text the manifest
     * @param trusted key id hex → 32-byte Ed25519 public key
     * @return the manifest
     * @throws IllegalArgumentException when it is malformed, its key is not trusted or the signature is wrong
     */
    public static ImageManifest verify(String text, Map<String, byte[]> trusted) {
        Parsed p = parse(text);
        byte[] pub = trusted.get(p.keyIdHex);
        if (pub == null) {
            throw new IllegalArgumentException("manifest signed by key " + p.keyIdHex + ", which is not trusted");
        }
        byte[] signed = p.manifest.signedText(Hex.decode(p.keyIdHex)).getBytes(StandardCharsets.UTF_8);
        if (!BouncyCastleCrypto.INSTANCE.ed25519Verify(pub, signed, p.signature)) {
            throw new IllegalArgumentException("manifest signature is not valid for key " + p.keyIdHex);
        }
        return p.manifest;
    }

    /** @return the key id hex a manifest text names (not verified) */
    public static String keyIdOf(String text) {
        return parse(text).keyIdHex;
    }

    private record Parsed(ImageManifest manifest, String keyIdHex, byte[] signature) {
    }

    private static Parsed parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("manifest: must end with a line feed");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 6 || !lines[0].equals(MAGIC)) {
            throw new IllegalArgumentException("manifest: first line must be '" + MAGIC + "'");
        }
        String name = field(lines, 1, "name");
        String version = field(lines, 2, "version");
        String board = field(lines, 3, "board");
        List<FileEntry> files = new ArrayList<>();
        int i = 4;
        for (; i < lines.length && lines[i].startsWith("file "); i++) {
            String[] parts = lines[i].split(" ", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("manifest line " + (i + 1) + ": expected 'file SHA256 SIZE PATH'");
            }
            try {
                files.add(new FileEntry(parts[3], Long.parseLong(parts[2]), Hex.decode(parts[1])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("manifest line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (i != lines.length - 2) {
            throw new IllegalArgumentException("manifest line " + (i + 1) + ": expected 'key-id' then 'signature' as the last lines");
        }
        String kid = field(lines, i, "key-id");
        byte[] signature;
        try {
            Hex.decode(kid);
            signature = Hex.decode(field(lines, i + 1, "signature"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("manifest: " + e.getMessage(), e);
        }
        if (signature.length != 64) {
            throw new IllegalArgumentException("manifest: an Ed25519 signature is 64 bytes, got " + signature.length);
        }
        try {
            return new Parsed(new ImageManifest(name, version, board, files), kid, signature);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("manifest: " + e.getMessage(), e);
        }
    }

    private static String field(String[] lines, int index, String key) {
        String line = lines[index];
        if (!line.startsWith(key + " ") || line.length() == key.length() + 1) {
            throw new IllegalArgumentException("manifest line " + (index + 1) + ": expected '" + key + " VALUE'");
        }
        return line.substring(key.length() + 1);
    }
}
