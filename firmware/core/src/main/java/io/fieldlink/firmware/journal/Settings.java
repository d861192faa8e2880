package io.fieldlink.firmware.journal;

import io.fieldlink.firmware.hal.StorageArea;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Small persistent key/value settings (config overrides, boot count, console lock-out), kept as
 * {@code key=value} lines in {@link StateSlots}: {@link #commit()} replaces them atomically.
 * Keys are names without '=' or line breaks; values are one line. Not for the steady-state path
 * (it allocates). Event-loop thread only.
 */
public final class Settings {
    private final StateSlots slots;
    private final List<String> keys = new ArrayList<String>();
    private final List<String> values = new ArrayList<String>();

    /**
     * Reads the committed settings.
     *
     * @param area the settings area
     */
    public Settings(StorageArea area) {
        this.slots = new StateSlots(area);
        slots.recover();
        byte[] b = new byte[slots.stateLength()];
        slots.readState(b, 0);
        String text = utf8(b);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int eq = text.indexOf('=', start);
            if (eq > start && eq < end) {
                // interned: a fleet of boards with the same settings holds each key and value once
                keys.add(text.substring(start, eq).intern());
                values.add(text.substring(eq + 1, end).intern());
            }
            start = end + 1;
        }
    }

    /**
     * @param key a key
     * @return its value, or null
     */
    public String get(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? null : values.get(i);
    }

    /**
     * @param key a key
     * @param absent returned when the key is missing or not a number
     * @return the value as a long
     */
    public long getLong(String key, long absent) {
        String v = get(key);
        if (v == null) {
            return absent;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    /**
     * Changes a value in memory; {@link #commit()} makes it durable.
     *
     * @param key a key
     * @param value the value, or null to remove the key
     * @throws IllegalArgumentException if the key or value would break the format
     */
    public void put(String key, String value) {
        if (key.length() == 0 || key.indexOf('=') >= 0 || key.indexOf('\n') >= 0
                || (value != null && value.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("setting " + key + " cannot be stored");
        }
        int i = keys.indexOf(key);
        if (value == null) {
            if (i >= 0) {
                keys.remove(i);
                values.remove(i);
            }
        } else if (i < 0) {
            keys.add(key.intern());
            values.add(value.intern());
        } else {
            values.set(i, value.intern());
        }
    }

    /**
     * Writes all settings atomically.
     *
     * @throws IllegalArgumentException if they no longer fit the area
     */
    public void commit() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            sb.append(keys.get(i)).append('=').append(values.get(i)).append('\n');
        }
        byte[] b;
        try {
            b = sb.toString().getBytes("UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 missing", e);
        }
        slots.commit(b, 0, b.length);
    }

    /** @return the keys present, in insertion order (a copy) */
    public List<String> keys() {
        return new ArrayList<String>(keys);
    }

    private static String utf8(byte[] b) {
        try {
            return new String(b, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 missing", e);
        }
    }
}
