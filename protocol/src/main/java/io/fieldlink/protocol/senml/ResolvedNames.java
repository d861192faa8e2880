package io.fieldlink.protocol.senml;

/**
 * Names {@link SenmlResolver} resolved before: base name + name, already checked against RFC 8428's
 * name rules, so a resolver that meets the same base name and name again (every pack of a device
 * repeats them) neither concatenates nor checks them again and hands out the same {@code String}.
 * Fixed size ({@value #SLOTS} slots, each pair may sit in one of two; a newer pair pushes the older
 * out), so a sender cannot make it grow. Not thread-safe: one per thread.
 */
public final class ResolvedNames {
    static final int SLOTS = 128;

    private final String[] bases = new String[SLOTS];
    private final String[] names = new String[SLOTS];
    private final String[] resolved = new String[SLOTS];

    /** @return the resolved name of {@code baseName} (not null) and {@code name} (may be null), or null when not kept */
    String find(String baseName, String name) {
        int slot = slot(baseName, name);
        if (holds(slot, baseName, name)) {
            return resolved[slot];
        }
        int other = slot ^ 1;
        return holds(other, baseName, name) ? resolved[other] : null;
    }

    private boolean holds(int slot, String baseName, String name) {
        String b = bases[slot];
        if (b == null || !b.equals(baseName)) {
            return false;
        }
        String n = names[slot];
        return n == null ? name == null : n.equals(name);
    }

    /** Keeps {@code checked}, the resolved and checked name of the pair. */
    void keep(String baseName, String name, String checked) {
        int slot = slot(baseName, name);
        int other = slot ^ 1;
        if (bases[slot] != null) {
            // the pair in the first place moves to the second (pushing out what was there)
            bases[other] = bases[slot];
            names[other] = names[slot];
            resolved[other] = resolved[slot];
        }
        bases[slot] = baseName;
        names[slot] = name;
        resolved[slot] = checked;
    }

    static int slot(String baseName, String name) {
        int h = (baseName.hashCode() * 31 + (name == null ? 0 : name.hashCode())) * 0x9e3779b9;
        return h >>> 25;
    }
}
