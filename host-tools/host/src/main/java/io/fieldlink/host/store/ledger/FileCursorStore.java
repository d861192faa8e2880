package io.fieldlink.host.store.ledger;

import io.fieldlink.host.ledger.forward.CursorStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Forwarding cursors as small text files, {@code forward-<endpoint>.cursor} holding
 * {@code "<entries> <checkpoints>"}; saved by writing a temporary file, forcing it to disk and
 * renaming it over the old one.
 */
public final class FileCursorStore implements CursorStore {
    private final Path directory;

    public FileCursorStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public Cursor load(String endpoint) throws IOException {
        Path file = file(endpoint);
        if (!Files.exists(file)) {
            return Cursor.START;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        String[] parts = text.split(" ");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException("expected two numbers");
            }
            Cursor cursor = new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (cursor.entries() < 0 || cursor.checkpoints() < 0) {
                throw new NumberFormatException("negative");
            }
            return cursor;
        } catch (NumberFormatException e) {
            throw new IOException(file + " is not a forwarding cursor ('" + text + "'): " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String endpoint, Cursor cursor) throws IOException {
        Path file = file(endpoint);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, cursor.entries() + " " + cursor.checkpoints() + "\n", StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path file(String endpoint) {
        for (int i = 0; i < endpoint.length(); i++) {
            char c = endpoint.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                throw new IllegalArgumentException("endpoint name '" + endpoint + "' may hold only letters, digits, - and _");
            }
        }
        return directory.resolve("forward-" + endpoint + ".cursor");
    }
}
