package io.fieldlink.host.store.ingestlog;

import io.fieldlink.host.HostException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.tinylog.Logger;

/**
 * The append-only ingest log (see the package description for the file layout). A position is a
 * byte offset in the concatenation of all segments ever written: a segment's name is the position of
 * its first byte, so positions stay valid when older segments are deleted. Not thread-safe: one
 * writer (the committer thread) uses it.
 */
public final class IngestLog implements AutoCloseable {
    /** Largest entry accepted, bytes. */
    public static final int MAX_ENTRY = 64 << 20;
    private static final int FRAME_HEADER = 12;
    private static final Pattern SEGMENT = Pattern.compile("(\\d{20})\\.log");
    private final Path dir;
    private final TreeMap<Long, Path> segments;
    private FileChannel out;
    private long outBase;
    private long end;

    private IngestLog(Path dir, TreeMap<Long, Path> segments, FileChannel out, long outBase, long end) {
        this.dir = dir;
        this.segments = segments;
        this.out = out;
        this.outBase = outBase;
        this.end = end;
    }

    /** Receives entries read back from the log. */
    @FunctionalInterface
    public interface EntryConsumer {
        /**
         * @param entry the entry's bytes as appended
         * @param file the segment holding it
         * @param offset the entry's frame offset in {@code file}
         */
        void accept(byte[] entry, Path file, long offset);
    }

    /**
     * Opens the log in {@code dir} (created when absent) for appending after its last whole entry:
     * deletes segments wholly before {@code applied}, checks every frame from {@code applied} on, and
     * cuts off a torn tail (an incomplete or CRC-bad last entry of the last segment, or zeros after
     * the last good one: never acknowledged).
     *
     * @param applied the position up to which the store holds the log's entries (0 for a new store)
     * @throws CorruptLogException when a frame other than the tail is bad, or positions do not join up
     * @throws HostException when the directory or a segment cannot be read or written
     */
    public static IngestLog open(Path dir, long applied) {
        try {
            Files.createDirectories(dir);
            TreeMap<Long, Path> segments = list(dir);
            deleteWhollyBefore(segments, applied);
            if (segments.isEmpty()) {
                Path p = create(dir, applied);
                segments.put(applied, p);
            }
            Map.Entry<Long, Path> first = segments.firstEntry();
            if (first.getKey() > applied) {
                throw new CorruptLogException(first.getValue(), 0, "the store applied the log up to position " + applied
                        + " but the first segment starts at position " + first.getKey() + ": entries in between are missing");
            }
            long pos = applied;
            List<Map.Entry<Long, Path>> all = new ArrayList<>(segments.entrySet());
            for (int i = 0; i < all.size(); i++) {
                long base = all.get(i).getKey();
                Path p = all.get(i).getValue();
                boolean last = i == all.size() - 1;
                if (i > 0 && base != pos) {
                    throw new CorruptLogException(p, 0, "the log before it ends at position " + pos
                            + " but this segment starts at position " + base + ": the segments do not join up");
                }
                long size = Files.size(p);
                long from = pos - base;
                if (from > size) {
                    throw new CorruptLogException(p, size, "the store applied the log up to position " + pos
                            + " but this segment ends at position " + (base + size));
                }
                long good = scan(p, from, size, last, null);
                if (good < size) {
                    Logger.warn("ingest log {}: cut off a torn tail of {} bytes at offset {} (never acknowledged)", p,
                            size - good, good);
                    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                        ch.truncate(good);
                        ch.force(true);
                    }
                }
                pos = base + good;
            }
            long lastBase = segments.lastKey();
            FileChannel out = FileChannel.open(segments.lastEntry().getValue(), StandardOpenOption.WRITE);
            out.position(pos - lastBase);
            return new IngestLog(dir, segments, out, lastBase, pos);
        } catch (IOException e) {
            throw new HostException("cannot open the ingest log in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @return the position after the last entry */
    public long end() {
        return end;
    }

    /** @return the segment files, oldest first */
    public List<Path> segments() {
        return new ArrayList<>(segments.values());
    }

    /**
     * Appends entries as one write and syncs it to the disk: when this returns, every one of them
     * survives a crash.
     *
     * @return the position after the last entry
     * @throws IOException when the write or the sync failed (what was appended is then unknown:
     *         {@link #truncate} back)
     * @throws IllegalArgumentException when an entry is empty or larger than {@link #MAX_ENTRY}
     */
    public long append(List<byte[]> entries) throws IOException {
        int total = 0;
        for (byte[] e : entries) {
            if (e.length == 0 || e.length > MAX_ENTRY) {
                throw new IllegalArgumentException("an ingest log entry must be 1.." + MAX_ENTRY + " bytes, got " + e.length);
            }
            total += FRAME_HEADER + e.length;
        }
        if (total == 0) {
            return end;
        }
        ByteBuffer buf = ByteBuffer.allocate(total);
        CRC32C crc = new CRC32C();
        for (byte[] e : entries) {
            crc.reset();
            crc.update(e, 0, e.length);
            buf.putInt(e.length).putInt(~e.length).putInt((int) crc.getValue()).put(e);
        }
        buf.flip();
        while (buf.hasRemaining()) {
            out.write(buf);
        }
        out.force(false);
        end += total;
        return end;
    }

    /**
     * Cuts the log back to {@code pos} (after a failed {@link #append}), within the current segment.
     *
     * @throws IOException when the file cannot be truncated
     */
    public void truncate(long pos) throws IOException {
        if (pos < outBase || pos > outBase + out.size()) {
            throw new IllegalArgumentException("position " + pos + " is not in the current segment");
        }
        out.truncate(pos - outBase);
        out.position(pos - outBase);
        out.force(true);
        end = pos;
    }

    /**
     * Starts a new segment at {@link #end()} unless the current one is empty, so that what came
     * before can be deleted as a whole once it is checkpointed.
     *
     * @return {@link #end()}
     * @throws IOException when the new segment cannot be created
     */
    public long roll() throws IOException {
        if (end == outBase) {
            return end;
        }
        out.force(true);
        Path p = create(dir, end);
        FileChannel next = FileChannel.open(p, StandardOpenOption.WRITE);
        out.close();
        out = next;
        outBase = end;
        segments.put(end, p);
        return end;
    }

    /**
     * Deletes the segments that end at or before {@code pos} (never the current one).
     *
     * @return segments deleted
     */
    public int deleteBefore(long pos) {
        int before = segments.size();
        deleteWhollyBefore(segments, Math.min(pos, outBase));
        return before - segments.size();
    }

    /**
     * Reads every entry from {@code from} to {@link #end()}, checking each frame.
     *
     * @return entries read
     * @throws CorruptLogException when a frame does not read back
     * @throws HostException when a segment cannot be read
     */
    public long read(long from, EntryConsumer consumer) {
        long[] count = new long[1];
        EntryConsumer counting = (e, f, o) -> {
            count[0]++;
            consumer.accept(e, f, o);
        };
        try {
            for (Map.Entry<Long, Path> s : segments.entrySet()) {
                Long next = segments.higherKey(s.getKey());
                long segEnd = next == null ? end : next;
                if (segEnd <= from) {
                    continue;
                }
                long start = Math.max(0, from - s.getKey());
                long size = segEnd - s.getKey();
                long good = scan(s.getValue(), start, size, false, counting);
                if (good != size) {
                    throw new CorruptLogException(s.getValue(), good, "the segment ends early");
                }
            }
        } catch (IOException e) {
            throw new HostException("cannot read the ingest log in " + dir + ": " + e.getMessage(), e);
        }
        return count[0];
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            Logger.warn("closing the ingest log: {}", e.toString());
        }
    }

    /**
     * Reads frames of {@code p} from {@code from} up to {@code size}.
     *
     * @param tornTailAllowed when true a bad last frame (or zeros to the end) ends the scan
     * @return the offset after the last good frame
     */
    private static long scan(Path p, long from, long size, boolean tornTailAllowed, EntryConsumer consumer)
            throws IOException {
        CRC32C crc = new CRC32C();
        try (InputStream raw = Files.newInputStream(p);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            in.skipNBytes(from);
            long at = from;
            while (at < size) {
                String bad = null;
                byte[] entry = null;
                long frameEnd = -1;
                if (at + FRAME_HEADER > size) {
                    bad = "an incomplete frame header";
                    frameEnd = size;
                } else {
                    int len = in.readInt();
                    int check = in.readInt();
                    int expected = in.readInt();
                    if (check != ~len) {
                        bad = "frame length " + len + " does not match its check word";
                    } else if (len <= 0 || len > MAX_ENTRY) {
                        bad = "frame length " + len + " is outside 1.." + MAX_ENTRY;
                    } else if (at + FRAME_HEADER + len > size) {
                        bad = "a frame of " + len + " bytes runs past the end of the segment";
                        frameEnd = at + FRAME_HEADER + len;
                    } else {
                        entry = new byte[len];
                        in.readFully(entry);
                        frameEnd = at + FRAME_HEADER + len;
                        crc.reset();
                        crc.update(entry, 0, len);
                        if ((int) crc.getValue() != expected) {
                            bad = "CRC mismatch";
                        }
                    }
                }
                if (bad == null) {
                    if (consumer != null) {
                        consumer.accept(entry, p, at);
                    }
                    at = frameEnd;
                    continue;
                }
                if (tornTailAllowed && (frameEnd >= size || zerosFrom(p, at, size))) {
                    return at;
                }
                throw new CorruptLogException(p, at, bad + " with " + (size - at) + " more bytes of log after it");
            }
            return at;
        } catch (EOFException e) {
            throw new CorruptLogException(p, from, "the segment is shorter than expected");
        }
    }

    private static boolean zerosFrom(Path p, long at, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 16);
            long pos = at;
            while (pos < size) {
                b.clear();
                int n = ch.read(b, pos);
                if (n <= 0) {
                    return true;
                }
                for (int i = 0; i < n; i++) {
                    if (b.get(i) != 0) {
                        return false;
                    }
                }
                pos += n;
            }
            return true;
        }
    }

    private static TreeMap<Long, Path> list(Path dir) throws IOException {
        TreeMap<Long, Path> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher x = SEGMENT.matcher(p.getFileName().toString());
                if (x.matches()) {
                    m.put(Long.parseLong(x.group(1)), p);
                }
            }
        }
        return m;
    }

    private static void deleteWhollyBefore(TreeMap<Long, Path> segments, long pos) {
        while (segments.size() > 1) {
            Map.Entry<Long, Path> first = segments.firstEntry();
            long nextBase = segments.higherKey(first.getKey());
            if (nextBase > pos) {
                return;
            }
            try {
                Files.deleteIfExists(first.getValue());
            } catch (IOException e) {
                Logger.warn("cannot delete checkpointed ingest log segment {}: {}", first.getValue(), e.toString());
                return;
            }
            segments.pollFirstEntry();
        }
    }

    private static Path create(Path dir, long base) throws IOException {
        Path p = dir.resolve(String.format("%020d.log", base));
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.force(true);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            Logger.debug("cannot sync directory {}: {}", dir, e.toString());
        }
        return p;
    }
}
