package io.fieldlink.fieldctl.ledger;

import io.fieldlink.protocol.crypto.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last checkpoint {@code ledger verify} accepted and the checkpoint keys it has trusted, in a
 * text file replaced atomically:
 * <pre>
 * fieldctl-ledger-state 1
 * size=42
 * root=&lt;hex&gt;
 * time=&lt;epoch ms&gt;
 * key=&lt;kid hex&gt; &lt;public key hex&gt;
 * </pre>
 *
 * @param size the verified tree size (0 before the first verification)
 * @param root the verified root
 * @param timeMillis the checkpoint's time
 * @param keys kid (lower-case hex) → 32-byte public key
 */
record LedgerState(long size, byte[] root, long timeMillis, Map<String, byte[]> keys) {
    private static final String MAGIC = "fieldctl-ledger-state 1";

    static LedgerState empty() {
        return new LedgerState(0, new byte[0], 0, new LinkedHashMap<>());
    }

    /** @return the state, empty when the file does not exist; an IOException naming the line when it is damaged */
    static LedgerState load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new IOException(file + " is not a fieldctl ledger state (first line must be '" + MAGIC + "')");
        }
        long size = -1;
        byte[] root = null;
        long time = 0;
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            try {
                if (l.startsWith("size=")) {
                    size = Long.parseLong(l.substring(5));
                } else if (l.startsWith("root=")) {
                    root = Hex.decode(l.substring(5));
                } else if (l.startsWith("time=")) {
                    time = Long.parseLong(l.substring(5));
                } else if (l.startsWith("key=")) {
                    String[] p = l.substring(4).split(" ");
                    keys.put(p[0], Hex.decode(p[1]));
                } else if (!l.isBlank()) {
                    throw new IllegalArgumentException("unknown line");
                }
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + (i + 1) + " is damaged: " + l, e);
            }
        }
        if (size < 0 || root == null) {
            throw new IOException(file + " has no size or root line");
        }
        return new LedgerState(size, root, time, keys);
    }

    void save(Path file) throws IOException {
        StringBuilder b = new StringBuilder(MAGIC).append('\n').append("size=").append(size).append('\n')
                .append("root=").append(Hex.encode(root)).append('\n').append("time=").append(timeMillis).append('\n');
        for (Map.Entry<String, byte[]> k : keys.entrySet()) {
            b.append("key=").append(k.getKey()).append(' ').append(Hex.encode(k.getValue())).append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
