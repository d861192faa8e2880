package io.fieldlink.protocol.senml;

/**
 * Names {@link SenmlResolver} resolved before: base name + name, already checked against RFC 8428's
 * name rules, so a resolver that meets the same base name and name again (every pack of a device
 * repeats them) neither concatenates nor checks them again and hands out the same {@code String}.
 * Fixed size ({@value #SLOTS} slots; a newer pair replaces an older one in its slot). Not
 * thread-safe: one per thread.
 */
public final class ResolvedNames {
    static final int SLOTS = 128;

    private final String[] bases = new String[SLOTS];
    private final String[] names = new String[SLOTS];
    private final String[] resolved = new String[SLOTS];

    /** @return the resolved name of {@code baseName} (not null) and {@code name} (may be null), or null when not kept */
    String find(String baseName, String name) {
        int slot = slot(baseName, name);
        String b = bases[slot];
        if (b == null || !b.equals(baseName)) {
            return null;
        }
        String n = names[slot];
        if (n == null ? name != null : !n.equals(name)) {
            return null;
        }
        return resolved[slot];
    }

    void keep(String baseName, String name, String checked) {
        int slot = slot(baseName, name);
        bases[slot] = baseName;
        names[slot] = name;
        resolved[slot] = checked;
    }

    private static int slot(String baseName, String name) {
        int h = baseName.hashCode() * 31 + (name == null ? 0 : name.hashCode());
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
