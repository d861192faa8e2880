package io.fieldlink.protocol.cbor;

/**
 * Short texts a {@link CborReader} decoded before, found again by their UTF-8 bytes, so a decoder
 * that meets the same names and units in every message (SenML labels: {@code voltage}, {@code V})
 * returns the same {@code String} instead of decoding and allocating it again. Only texts that
 * decoded as valid UTF-8 are kept, so bytes found here are valid. Fixed size ({@value #SLOTS} slots,
 * texts up to {@value #MAX_BYTES} bytes): a newer text replaces an older one in its slot, so a
 * sender cannot make it grow. Not thread-safe: one per thread (or per reader).
 */
public final class TextCache {
    static final int SLOTS = 128;
    static final int MAX_BYTES = 48;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] texts = new String[SLOTS];

    /** @return the text kept for these bytes, or null */
    String find(byte[] buf, int off, int len) {
        if (len > MAX_BYTES) {
            return null;
        }
        int slot = slot(buf, off, len);
        byte[] k = keys[slot];
        if (k == null || k.length != len) {
            return null;
        }
        for (int i = 0; i < len; i++) {
            if (k[i] != buf[off + i]) {
                return null;
            }
        }
        return texts[slot];
    }

    /** Keeps {@code text}, the valid decoding of these bytes. */
    void keep(byte[] buf, int off, int len, String text) {
        if (len > MAX_BYTES) {
            return;
        }
        int slot = slot(buf, off, len);
        byte[] k = new byte[len];
        System.arraycopy(buf, off, k, 0, len);
        // the text first: a find never sees the new key with the old text (one thread anyway)
        texts[slot] = text;
        keys[slot] = k;
    }

    private static int slot(byte[] buf, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ (buf[i] & 0xff)) * 0x01000193;
        }
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
