package io.fieldlink.boards;

import java.util.ArrayList;
import java.util.List;

/** One {@code [kind name]} section of a board file while it is being read: keys with their lines. */
final class BoardSection {
    final String kind;
    final String name;
    final int line;
    private final String file;
    private final List<String> keys = new ArrayList<String>();
    private final List<String> values = new ArrayList<String>();
    private final List<Integer> lines = new ArrayList<Integer>();
    private final List<String> used = new ArrayList<String>();

    BoardSection(String file, String kind, String name, int line) {
        this.file = file;
        this.kind = kind;
        this.name = name;
        this.line = line;
    }

    String label() {
        return name == null ? kind : kind + " " + name;
    }

    void put(String key, String value, int at) {
        if (keys.contains(key)) {
            throw new BoardException(file, at, label() + ": " + key, "given twice (first on line "
                    + lines.get(keys.indexOf(key)) + ")");
        }
        keys.add(key);
        values.add(value);
        lines.add(Integer.valueOf(at));
    }

    boolean has(String key) {
        return keys.contains(key);
    }

    String text(String key) {
        used.add(key);
        int i = keys.indexOf(key);
        return i < 0 ? null : values.get(i);
    }

    String required(String key) {
        String v = text(key);
        if (v == null) {
            throw error(key, "is required");
        }
        return v;
    }

    long decimal(String key, int places, long absent) {
        String v = text(key);
        if (v == null) {
            return absent;
        }
        try {
            return Decimal.parse(v, places);
        } catch (NumberFormatException e) {
            throw error(key, e.getMessage());
        }
    }

    long duration(String key, long absent) {
        String v = text(key);
        if (v == null) {
            return absent;
        }
        try {
            return Decimal.parseDuration(v);
        } catch (NumberFormatException e) {
            throw error(key, e.getMessage());
        }
    }

    long integer(String key, long lowest, long highest, long absent) {
        if (!has(key)) {
            text(key);
            return absent;
        }
        long v = decimal(key, 0, absent);
        if (v < lowest || v > highest) {
            throw error(key, "must be from " + lowest + " to " + highest);
        }
        return v;
    }

    BoardException error(String key, String reason) {
        int i = keys.indexOf(key);
        return new BoardException(file, i < 0 ? line : lines.get(i).intValue(), label() + ": " + key, reason);
    }

    /** Refuses keys nobody asked for, naming the first. */
    void rejectUnknownKeys() {
        for (int i = 0; i < keys.size(); i++) {
            if (!used.contains(keys.get(i))) {
                throw new BoardException(file, lines.get(i).intValue(), label() + ": " + keys.get(i), "unknown key");
            }
        }
    }
}
