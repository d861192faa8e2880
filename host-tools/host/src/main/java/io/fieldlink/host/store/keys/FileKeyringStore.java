package io.fieldlink.host.store.keys;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.host.billing.keys.IssuerKey;
import io.fieldlink.host.billing.keys.IssuerKeyState;
import io.fieldlink.host.billing.keys.KeyringStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyring in a directory: {@code <kid>.key} holds a key's secret seed (mode 600, written once),
 * {@code keyring.txt} lists {@code <kid> <state> <created ms>} per line and is replaced atomically.
 */
public final class FileKeyringStore implements KeyringStore {
    private final Path directory;

    public FileKeyringStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public List<IssuerKey> load() throws IOException {
        Path index = directory.resolve("keyring.txt");
        List<IssuerKey> keys = new ArrayList<>();
        if (!Files.exists(index)) {
            return keys;
        }
        List<String> lines = Files.readAllLines(index, StandardCharsets.US_ASCII);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" ");
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("expected '<kid> <state> <created ms>'");
                }
                IssuerKeyPair pair = IssuerKeyPair.fromPersistedText(Files.readString(keyFile(parts[0]), StandardCharsets.US_ASCII).strip());
                IssuerKey key = new IssuerKey(pair, IssuerKeyState.valueOf(parts[1]), Long.parseLong(parts[2]));
                if (!key.kid().equals(parts[0])) {
                    throw new IllegalArgumentException("key file " + parts[0] + ".key holds key " + key.kid());
                }
                keys.add(key);
            } catch (IllegalArgumentException e) {
                throw new IOException(index + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return keys;
    }

    @Override
    public void save(List<IssuerKey> keys) throws IOException {
        StringBuilder index = new StringBuilder();
        for (IssuerKey key : keys) {
            Path file = keyFile(key.kid());
            if (!Files.exists(file)) {
                Path temp = directory.resolve(key.kid() + ".key.tmp");
                Files.deleteIfExists(temp);
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, key.pair().toPersistedText() + "\n", StandardCharsets.US_ASCII);
                force(temp);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            index.append(key.kid()).append(' ').append(key.state()).append(' ').append(key.createdMillis()).append('\n');
        }
        Path temp = directory.resolve("keyring.txt.tmp");
        Files.writeString(temp, index, StandardCharsets.US_ASCII);
        force(temp);
        Files.move(temp, directory.resolve("keyring.txt"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path keyFile(String kid) {
        for (int i = 0; i < kid.length(); i++) {
            char c = kid.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException("key id must be lower-case hex, was " + kid);
            }
        }
        return directory.resolve(kid + ".key");
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
