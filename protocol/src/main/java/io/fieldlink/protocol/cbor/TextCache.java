package io.fieldlink.protocol.cbor;

/**
 * Short texts a {@link CborReader} decoded before, found again by their UTF-8 bytes, so a decoder
 * that meets the same names and units in every message (SenML labels: {@code voltage}, {@code V})
 * returns the same {@code String} instead of decoding and allocating it again. Only texts that
 * decoded as valid UTF-8 are kept, so bytes found here are valid. Fixed size ({@value #SLOTS} slots,
 * each text may sit in one of two; texts up to {@value #MAX_BYTES} bytes): a newer text pushes an
 * older one out, so a sender cannot make it grow. Not thread-safe: one per thread (or per reader).
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
        if (holds(slot, buf, off, len)) {
            return texts[slot];
        }
        int other = slot ^ 1;
        return holds(other, buf, off, len) ? texts[other] : null;
    }

    private boolean holds(int slot, byte[] buf, int off, int len) {
        byte[] k = keys[slot];
        if (k == null || k.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (k[i] != buf[off + i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps {@code text}, the valid decoding of these bytes. */
    void keep(byte[] buf, int off, int len, String text) {
        if (len > MAX_BYTES) {
            return;
        }
        int slot = slot(buf, off, len);
        int other = slot ^ 1;
        if (keys[slot] != null) {
            // the text in the first place moves to the second (pushing out what was there)
            keys[other] = keys[slot];
            texts[other] = texts[slot];
        }
        byte[] k = new byte[len];
        System.arraycopy(buf, off, k, 0, len);
        keys[slot] = k;
        texts[slot] = text;
    }

    static int slot(byte[] buf, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ (buf[i] & 0xff)) * 0x01000193;
        }
        return (h * 0x9e3779b9) >>> 25;
    }
}
