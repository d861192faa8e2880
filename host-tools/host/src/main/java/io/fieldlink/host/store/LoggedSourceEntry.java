package io.fieldlink.host.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ingest log entry of a {@link LoggedSource}'s change: the marker byte {@value #MARKER} (no
 * ingest entry kind nor {@link LoggedPut} uses it), the source's name (a length byte and ASCII),
 * then the source's own bytes. Stateless.
 */
final class LoggedSourceEntry {
    static final int MARKER = 0x7E;

    private LoggedSourceEntry() {
    }

    static boolean is(byte[] entry) {
        return entry.length > 0 && (entry[0] & 0xFF) == MARKER;
    }

    /** @throws IllegalArgumentException unless {@code source} is 1..255 characters, as an entry can name it */
    static void checkName(String source) {
        nameBytes(source);
    }

    static byte[] encode(String source, byte[] payload) {
        byte[] name = nameBytes(source);
        byte[] out = new byte[2 + name.length + payload.length];
        out[0] = (byte) MARKER;
        out[1] = (byte) name.length;
        System.arraycopy(name, 0, out, 2, name.length);
        System.arraycopy(payload, 0, out, 2 + name.length, payload.length);
        return out;
    }

    private static byte[] nameBytes(String source) {
        byte[] name = source.getBytes(StandardCharsets.US_ASCII);
        if (name.length == 0 || name.length > 255) {
            throw new IllegalArgumentException("a logged source's name must be 1..255 characters: '" + source + "'");
        }
        return name;
    }

    /** @throws IllegalArgumentException when it is not such an entry */
    static String source(byte[] entry) {
        if (!is(entry) || entry.length < 2 || entry.length < 2 + (entry[1] & 0xFF)) {
            throw new IllegalArgumentException("not a logged source entry (" + entry.length + " bytes)");
        }
        return new String(entry, 2, entry[1] & 0xFF, StandardCharsets.US_ASCII);
    }

    static byte[] payload(byte[] entry) {
        return Arrays.copyOfRange(entry, 2 + (entry[1] & 0xFF), entry.length);
    }
}
