package io.fieldlink.fieldctl.token;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.token.TrustedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Key files: an issuer key is one line {@code ed25519-seed:<hex>} (a secret, written mode 600);
 * a trusted-keys file lists {@code <key id hex> <public key hex>} per line, {@code #} comments allowed.
 */
final class KeyFiles {
    private KeyFiles() {
    }

    static IssuerKeyPair readIssuer(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return IssuerKeyPair.fromPersistedText(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not an issuer key: " + e.getMessage(), e);
        }
    }

    static void writeIssuer(Path file, IssuerKeyPair key) throws IOException {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists; refusing to overwrite an issuer key");
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, key.toPersistedText() + "\n", StandardCharsets.US_ASCII);
    }

    static TrustedKeys readTrusted(Path file) throws IOException {
        TrustedKeys keys = new TrustedKeys();
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
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
                keys.add(Hex.decode(parts[0]), Hex.decode(parts[1]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (keys.size() == 0) {
            throw new IllegalArgumentException(file + " lists no trusted keys");
        }
        return keys;
    }

    static String trustedLine(IssuerKeyPair key) {
        return Hex.encode(key.keyId()) + " " + key.publicKeyHex();
    }
}
