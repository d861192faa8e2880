package io.fieldlink.host.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.mapdb.BTreeMap;

/**
 * The ingest log entry of a {@link Committer#loggedPut}: a put into (or a removal from) a named text
 * map. Layout (big-endian): the marker byte {@value #MARKER} (no ingest entry kind uses it), a flag
 * byte (1 put, 0 remove), then map name, key and (for a put) value, each an int length and UTF-8.
 * Stateless.
 */
final class LoggedPut {
    /** First byte of every such entry; the ingest entries' kinds are small ordinals. */
    static final int MARKER = 0x7F;

    private LoggedPut() {
    }

    static boolean is(byte[] entry) {
        return entry.length > 0 && (entry[0] & 0xFF) == MARKER;
    }

    static byte[] encode(String name, String key, String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + key.length() + (value == null ? 0 : value.length()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(MARKER);
            out.writeByte(value == null ? 0 : 1);
            text(out, name);
            text(out, key);
            if (value != null) {
                text(out, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void apply(BTreeMap<String, String> map, String key, String value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    /**
     * Redoes the entry.
     *
     * @throws IllegalArgumentException naming what is wrong when it is not such an entry or names a map not registered
     */
    static void replay(byte[] entry, Map<String, BTreeMap<String, String>> maps) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(entry))) {
            if (in.readUnsignedByte() != MARKER) {
                throw new IllegalArgumentException("not a logged put");
            }
            int flag = in.readUnsignedByte();
            if (flag > 1) {
                throw new IllegalArgumentException("logged put: unknown flag " + flag);
            }
            String name = text(in);
            String key = text(in);
            String value = flag == 1 ? text(in) : null;
            if (in.available() > 0) {
                throw new IllegalArgumentException("logged put: " + in.available() + " bytes after the end");
            }
            BTreeMap<String, String> map = maps.get(name);
            if (map == null) {
                throw new IllegalArgumentException("logged put into " + name + ", which is not a logged map");
            }
            apply(map, key, value);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated logged put: " + e, e);
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IllegalArgumentException("logged put: length " + n + " does not fit the entry");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
