package io.fieldlink.firmware.journal;

/**
 * CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320; the zlib/PNG CRC) with a hand-built table,
 * so portable code needs no {@code java.util.zip}. Stateless; allocation-free.
 */
public final class Crc32 {
    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private Crc32() {
    }

    /**
     * @param data bytes
     * @param offset first byte
     * @param length number of bytes
     * @return the CRC-32 of the range
     */
    public static int of(byte[] data, int offset, int length) {
        return finish(update(start(), data, offset, length));
    }

    /** @return the initial register value, to feed {@link #update} */
    public static int start() {
        return 0xFFFFFFFF;
    }

    /**
     * @param crc register from {@link #start} or a previous update
     * @param data bytes
     * @param offset first byte
     * @param length number of bytes
     * @return the new register value
     */
    public static int update(int crc, byte[] data, int offset, int length) {
        int c = crc;
        for (int i = offset; i < offset + length; i++) {
            c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
        }
        return c;
    }

    /**
     * @param crc register value
     * @return the CRC-32
     */
    public static int finish(int crc) {
        return ~crc;
    }
}
