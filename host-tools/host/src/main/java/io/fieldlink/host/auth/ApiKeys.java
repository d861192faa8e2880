package io.fieldlink.host.auth;

import io.fieldlink.host.HostException;
import io.fieldlink.host.json.JsonReader;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.store.HostStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys: random 256-bit secrets shown once, stored as SHA-256 hashes with a role and label.
 * {@link #authenticate} is thread-safe; {@link #create} must run inside a committer write.
 */
public final class ApiKeys {
    private static final HexFormat HEX = HexFormat.of();
    private final Map<String, String> byHash;
    private final SecureRandom random = new SecureRandom();

    /** Opens the key table in {@code store}. */
    public ApiKeys(HostStore store) {
        this.byHash = store.textMap("api-keys");
    }

    /**
     * Creates a key. Committer thread only.
     *
     * @return the secret (shown once) and its principal
     */
    public Created create(Role role, String label) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = "flk_" + HEX.formatHex(secret);
        return new Created(key, register(key, role, label));
    }

    /**
     * Registers a known secret (the operator key read from its file). Committer thread only.
     *
     * @return its principal
     */
    public Principal register(String key, Role role, String label) {
        String hash = hash(key);
        Principal p = new Principal(hash.substring(0, 12), role, label);
        byHash.put(hash, new JsonWriter().beginObject().field("id", p.keyId()).field("role", role.wireName())
                .field("label", label).endObject().toString());
        return p;
    }

    /** @return true when {@code key} is registered */
    public boolean isRegistered(String key) {
        return byHash.containsKey(hash(key));
    }

    /** @return the principal holding {@code key}, empty when the key is unknown */
    public Optional<Principal> authenticate(String key) {
        String stored = byHash.get(hash(key));
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(principal(stored));
    }

    /** @return every key's principal (never the secrets) */
    public List<Principal> list() {
        List<Principal> out = new ArrayList<>();
        for (String s : byHash.values()) {
            out.add(principal(s));
        }
        return out;
    }

    private static Principal principal(String stored) {
        Map<String, Object> m = JsonReader.parseObject(stored);
        return new Principal((String) m.get("id"), Role.parse((String) m.get("role")), (String) m.get("label"));
    }

    private static String hash(String key) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new HostException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Reads the operator key from {@code file}, or creates one there (owner read/write only).
     *
     * @return the key and whether it was created now
     * @throws HostException when the file cannot be read or written
     */
    public static OperatorKey loadOrCreateOperatorKey(Path file) {
        try {
            if (Files.exists(file)) {
                return new OperatorKey(Files.readString(file, StandardCharsets.US_ASCII).trim(), false);
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String key = "flk_" + HEX.formatHex(secret);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                throw new HostException("cannot create " + tmp + ": it exists", e);
            }
            Files.writeString(tmp, key + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new OperatorKey(key, true);
        } catch (IOException e) {
            throw new HostException("cannot read or create the operator key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param key the secret
     * @param principal its holder
     */
    public record Created(String key, Principal principal) {
    }

    /**
     * @param key the operator secret
     * @param createdNow true on the first start, when it must be shown
     */
    public record OperatorKey(String key, boolean createdNow) {
    }
}
