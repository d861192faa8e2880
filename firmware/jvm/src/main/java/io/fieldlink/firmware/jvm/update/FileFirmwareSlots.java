package io.fieldlink.firmware.jvm.update;

import io.fieldlink.firmware.hal.FirmwareSlots;
import io.fieldlink.firmware.hal.StorageException;
import io.fieldlink.firmware.update.BootState;
import io.fieldlink.firmware.update.BootStateSlots;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.tinylog.Logger;

/**
 * {@link FirmwareSlots} in a directory ({@code DATA/firmware}): {@code slot-A.jar},
 * {@code slot-B.jar} and {@code boot-state} (the {@link BootState} text). The boot state is replaced
 * atomically: written to {@code boot-state.tmp}, forced to disk, renamed over the old one, and the
 * directory forced, so a power cut leaves the old or the new state. A slot is forced to disk before
 * it is marked pending. {@link #restart()} runs the action the runner gave (stop the board, exit for
 * the service manager to start the {@link BootSelector} again). Event-loop thread only.
 */
public final class FileFirmwareSlots extends BootStateSlots {
    /** The boot-state file's name. */
    public static final String STATE_FILE = "boot-state";

    private final Path dir;
    private final long capacity;
    private final Runnable restart;

    /**
     * @param dir the slots directory ({@link #install} made it)
     * @param capacity the largest image accepted, bytes
     * @param restart what {@link #restart()} does
     * @throws StorageException when the directory holds no valid boot state
     */
    public FileFirmwareSlots(Path dir, long capacity, Runnable restart) {
        this.dir = dir;
        this.capacity = capacity;
        this.restart = restart;
        state();
    }

    /**
     * Sets up a board's slots with its factory image in slot A, unless a boot state is there already.
     *
     * @param dir the slots directory (created)
     * @param version the image's version
     * @param jar the image
     * @return true when it installed, false when the directory already had a boot state
     * @throws IOException when the files cannot be written
     */
    public static boolean install(Path dir, String version, Path jar) throws IOException {
        BootState state = BootState.factory(version);
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve(STATE_FILE))) {
            return false;
        }
        Path slot = slotFile(dir, BootState.A);
        Files.copy(jar, slot, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel c = FileChannel.open(slot, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        save(dir, state);
        return true;
    }

    /** @return the jar of {@code slot} in {@code dir} */
    public static Path slotFile(Path dir, int slot) {
        return dir.resolve("slot-" + BootState.name(slot) + ".jar");
    }

    /**
     * @param dir the slots directory
     * @return its boot state
     * @throws IOException when it cannot be read or is not a boot state (the message says which line)
     */
    public static BootState load(Path dir) throws IOException {
        byte[] b = Files.readAllBytes(dir.resolve(STATE_FILE));
        try {
            return BootState.decode(b, 0, b.length);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(STATE_FILE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the boot state atomically (temp file, fsync, rename, fsync of the directory).
     *
     * @throws IOException when it cannot be written; the old state is then still in place
     */
    public static void save(Path dir, BootState state) throws IOException {
        Path tmp = dir.resolve(STATE_FILE + ".tmp");
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(state.encode());
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.force(true);
        }
        try {
            Files.move(tmp, dir.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + dir + " cannot rename atomically: " + e.getMessage(), e);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            Logger.debug("cannot fsync directory {} ({}); the rename itself is atomic", dir, e.getMessage());
        }
    }

    /** @return the boot state as stored now */
    @Override
    public BootState state() {
        try {
            return load(dir);
        } catch (IOException e) {
            throw new StorageException("firmware slots: " + e.getMessage());
        }
    }

    @Override
    protected void store(BootState s) {
        try {
            save(dir, s);
        } catch (IOException e) {
            throw new StorageException("firmware slots: cannot save the boot state: " + e.getMessage());
        }
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public void eraseInactive() {
        BootState s = state();
        s.eraseInactive();
        store(s);
        try (FileChannel c = FileChannel.open(slotFile(dir, s.inactive()), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            c.force(true);
        } catch (IOException e) {
            throw new StorageException("firmware slots: cannot erase slot " + BootState.name(s.inactive()) + ": "
                    + e.getMessage());
        }
    }

    @Override
    public void writeInactive(long offset, byte[] data, int dataOffset, int length) {
        if (offset < 0 || offset + length > capacity) {
            throw new StorageException("firmware slot: write of " + length + " bytes at " + offset + " exceeds " + capacity);
        }
        Path slot = slotFile(dir, state().inactive());
        try (FileChannel c = FileChannel.open(slot, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(data, dataOffset, length);
            long position = offset;
            while (b.hasRemaining()) {
                position += c.write(b, position);
            }
        } catch (IOException e) {
            throw new StorageException("firmware slot " + slot + ": write failed: " + e.getMessage());
        }
    }

    @Override
    public byte[] inactiveSha256(long length) {
        Path slot = slotFile(dir, state().inactive());
        try (InputStream in = Files.newInputStream(slot)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8192];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                sha.update(buf, 0, n);
                left -= n;
            }
            return sha.digest();
        } catch (IOException e) {
            throw new StorageException("firmware slot " + slot + ": cannot read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    @Override
    public void markPending(String version, int trialBoots) {
        BootState s = state();
        Path slot = slotFile(dir, s.inactive());
        try (FileChannel c = FileChannel.open(slot, StandardOpenOption.WRITE)) {
            c.force(true);
        } catch (IOException e) {
            throw new StorageException("firmware slot " + slot + ": cannot sync: " + e.getMessage());
        }
        s.markPending(version, trialBoots);
        store(s);
    }

    @Override
    public void restart() {
        restart.run();
    }

    /** @return the boot state as text, for logs */
    @Override
    public String toString() {
        return new String(state().encode(), StandardCharsets.US_ASCII);
    }
}
