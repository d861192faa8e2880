package io.fieldlink.firmware.jvm.storage;

import io.fieldlink.firmware.hal.StorageArea;
import io.fieldlink.firmware.hal.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One storage area in a file; writes go through DSYNC, so they are on disk when they return. */
final class FileArea implements StorageArea, AutoCloseable {
    private final String name;
    private final int size;
    private final FileChannel channel;

    private FileArea(String name, int size, FileChannel channel) {
        this.name = name;
        this.size = size;
        this.channel = channel;
    }

    static FileArea open(Path file, String name, int size) throws IOException {
        if (size <= 0) {
            throw new IllegalArgumentException("storage area " + name + " must have a positive size, was " + size);
        }
        boolean fresh = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        try {
            if (fresh) {
                channel.write(ByteBuffer.allocate(size), 0);
                channel.force(true);
            } else if (channel.size() != size) {
                throw new IOException(file + " holds " + channel.size() + " bytes but area " + name + " is " + size
                        + " bytes: refusing to reinterpret a board's storage");
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new FileArea(name, size, channel);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void read(int offset, byte[] dst, int dstOffset, int length) {
        check(offset, length);
        ByteBuffer buffer = ByteBuffer.wrap(dst, dstOffset, length);
        try {
            long position = offset;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new StorageException("storage area " + name + " ended early at " + position);
                }
                position += n;
            }
        } catch (IOException e) {
            throw new StorageException("reading storage area " + name + " failed: " + e.getMessage());
        }
    }

    @Override
    public void write(int offset, byte[] src, int srcOffset, int length) {
        check(offset, length);
        ByteBuffer buffer = ByteBuffer.wrap(src, srcOffset, length);
        try {
            long position = offset;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        } catch (IOException e) {
            throw new StorageException("writing storage area " + name + " failed: " + e.getMessage());
        }
    }

    private void check(int offset, int length) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new StorageException("bytes " + offset + ".." + (offset + length) + " are outside storage area " + name + " of " + size);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
