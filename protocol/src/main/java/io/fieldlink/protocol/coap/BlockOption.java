package io.fieldlink.protocol.coap;

/**
 * The Block1/Block2 option value of RFC 7959 §2.2 packed in an int: {@code NUM << 4 | M << 3 | SZX}.
 * NUM is the block number (0..2^20-1), M says more blocks follow, SZX encodes the block size
 * {@code 2^(SZX+4)} bytes, 16..1024; SZX 7 is reserved (BERT, not for UDP) and rejected.
 * Plain ints so that reading and writing block options never allocates.
 */
public final class BlockOption {
    /** The largest block number a 3-byte option can carry. */
    public static final int MAX_NUM = (1 << 20) - 1;
    /** The largest SZX valid over UDP (1024-byte blocks). */
    public static final int MAX_SZX = 6;

    private BlockOption() {
    }

    /**
     * Packs a block option value.
     *
     * @throws IllegalArgumentException if {@code num} is not 0..2^20-1 or {@code szx} not 0..6
     */
    public static int of(int num, boolean more, int szx) {
        if (num < 0 || num > MAX_NUM) {
            throw new IllegalArgumentException("block NUM must be 0.." + MAX_NUM + ", got " + num);
        }
        if (szx < 0 || szx > MAX_SZX) {
            throw new IllegalArgumentException("block SZX must be 0..6, got " + szx);
        }
        return num << 4 | (more ? 8 : 0) | szx;
    }

    /** The block number of a packed value. */
    public static int num(int block) {
        return block >>> 4;
    }

    /** The M (more) flag of a packed value. */
    public static boolean more(int block) {
        return (block & 8) != 0;
    }

    /** The SZX of a packed value. */
    public static int szx(int block) {
        return block & 7;
    }

    /** The block size in bytes of a packed value. */
    public static int size(int block) {
        return sizeOfSzx(szx(block));
    }

    /** The block size in bytes, {@code 2^(szx+4)}, of an SZX. */
    public static int sizeOfSzx(int szx) {
        return 1 << (szx + 4);
    }

    /** The byte offset of the block's first byte, {@code NUM * size}. */
    public static long offset(int block) {
        return (long) num(block) * size(block);
    }

    /**
     * The SZX of a block size.
     *
     * @throws IllegalArgumentException unless {@code size} is a power of two from 16 to 1024
     */
    public static int szxOfSize(int size) {
        for (int szx = 0; szx <= MAX_SZX; szx++) {
            if (sizeOfSzx(szx) == size) {
                return szx;
            }
        }
        throw new IllegalArgumentException("block size must be a power of two 16..1024, got " + size);
    }

    /** Renders a packed value as {@code NUM/M/SIZE}, e.g. {@code 3/1/64}. */
    public static String toString(int block) {
        return num(block) + "/" + (more(block) ? 1 : 0) + "/" + size(block);
    }
}
