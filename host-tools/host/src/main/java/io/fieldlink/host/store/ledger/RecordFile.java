package io.fieldlink.host.store.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.tinylog.Logger;

/**
 * An append-only file of records, each {@code [length u32][crc32c u32][bytes]}. Appends are forced to
 * disk before they return. On open, a torn record at the tail (a crash mid-append) is cut off; a bad
 * record anywhere else is corruption and refuses to open, naming the record. Not thread-safe.
 */
final class RecordFile implements AutoCloseable {
    private static final int HEADER = 8;
    private static final int MAX_RECORD = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private long[] offsets = new long[1024];
    private int count;
    private long end;
    /** An append failed and could not be cut back: the file's tail is unknown. */
    private boolean broken;

    private RecordFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static RecordFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        RecordFile file = new RecordFile(path, channel);
        try {
            file.scan();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return file;
    }

    private void scan() throws IOException {
        long size = channel.size();
        long position = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position < size) {
            header.clear();
            if (size - position < HEADER || readFully(header, position) < HEADER) {
                truncateTail(position, size);
                return;
            }
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length < 0 || length > MAX_RECORD || position + HEADER + length > size) {
                truncateTail(position, size);
                return;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(body, position + HEADER);
            if (crc(body.array()) != crc) {
                if (position + HEADER + length == size) {
                    truncateTail(position, size);
                    return;
                }
                throw new IOException(path + ": record " + count + " at byte " + position + " fails its checksum");
            }
            remember(position);
            position += HEADER + length;
        }
        end = position;
    }

    private void truncateTail(long position, long size) throws IOException {
        channel.truncate(position);
        channel.force(true);
        end = position;
        Logger.warn("{}: cut a torn record of {} bytes at the tail (a crash mid-append)", path, size - position);
    }

    long append(byte[] record) throws IOException {
        return appendAll(java.util.List.of(record));
    }

    /**
     * Appends the records in order with one {@code force} for all of them. On failure the file is
     * cut back to where it ended, so none of them is in it; when even that fails the file takes no
     * more appends (reopen it: the scan cuts a torn tail).
     *
     * @return the index of the first
     */
    long appendAll(java.util.List<byte[]> records) throws IOException {
        if (broken) {
            throw new IOException(path + ": an earlier append could not be undone; reopen the file");
        }
        int total = 0;
        for (byte[] record : records) {
            if (record.length > MAX_RECORD) {
                throw new IllegalArgumentException("record of " + record.length + " bytes exceeds " + MAX_RECORD);
            }
            total += HEADER + record.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        for (byte[] record : records) {
            buffer.putInt(record.length).putInt(crc(record)).put(record);
        }
        buffer.flip();
        long first = count;
        long position = end;
        try {
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            try {
                channel.truncate(end);
            } catch (IOException | RuntimeException t) {
                broken = true;
                e.addSuppressed(t);
            }
            throw e;
        }
        long at = end;
        for (byte[] record : records) {
            remember(at);
            at += HEADER + record.length;
        }
        end = position;
        return first;
    }

    long count() {
        return count;
    }

    byte[] read(long index) throws IOException {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("record " + index + " is outside 0.." + (count - 1));
        }
        long position = offsets[(int) index];
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(header, position);
        header.flip();
        ByteBuffer body = ByteBuffer.allocate(header.getInt());
        readFully(body, position + HEADER);
        return body.array();
    }

    private int readFully(ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private void remember(long offset) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        offsets[count++] = offset;
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
