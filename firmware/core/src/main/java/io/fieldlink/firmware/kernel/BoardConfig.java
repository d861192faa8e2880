package io.fieldlink.firmware.kernel;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.ConfigKey;
import io.fieldlink.firmware.FirmwareException;
import io.fieldlink.firmware.journal.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * The board's configuration: the keys, types and defaults of its board definition, with values
 * changed on the device ({@link #set}) persisted in {@link Settings}. An unknown key or an invalid
 * value is refused with the reason and changes nothing. Event-loop thread only.
 */
public final class BoardConfig {
    private static final String PREFIX = "config.";

    private final BoardDefinition definition;
    private final Settings settings;
    private final List<ConfigListener> listeners = new ArrayList<ConfigListener>();

    /**
     * @param definition the board definition (declares the keys)
     * @param settings where changed values persist
     */
    public BoardConfig(BoardDefinition definition, Settings settings) {
        this.definition = definition;
        this.settings = settings;
    }

    /** Told about every accepted change. */
    public interface ConfigListener {
        /**
         * @param key the key
         * @param value its new value
         */
        void configChanged(String key, String value);
    }

    /** @param listener told about every accepted change, after it is committed */
    public void addListener(ConfigListener listener) {
        listeners.add(listener);
    }

    /**
     * @param key a key of the board definition
     * @return its current value (stored or default)
     * @throws FirmwareException if the board has no such key
     */
    public String get(String key) {
        ConfigKey k = key(key);
        String v = settings.get(PREFIX + key);
        return v != null && k.check(v) == null ? v : k.defaultValue();
    }

    /**
     * @param key an int, bool or duration key
     * @return its value as a number (bool: 1/0, duration: ms)
     * @throws FirmwareException if the board has no such key or it is not numeric
     */
    public long getLong(String key) {
        try {
            return key(key).asLong(get(key));
        } catch (NumberFormatException e) {
            throw new FirmwareException("config " + key + " is not numeric");
        }
    }

    /**
     * Changes a value and commits it.
     *
     * @param key the key
     * @param value the new value
     * @return null if accepted, else why not (e.g. {@code unknown key colour})
     */
    public String set(String key, String value) {
        ConfigKey k = definition.configKey(key);
        if (k == null) {
            return "unknown key " + key;
        }
        String problem = k.check(value);
        if (problem != null) {
            return key + " " + problem;
        }
        settings.put(PREFIX + key, value);
        settings.commit();
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).configChanged(key, value);
        }
        return null;
    }

    /** @return every key in board-file order */
    public List<ConfigKey> keys() {
        return definition.configKeys();
    }

    /**
     * @param key a key name
     * @return true if the board declares it
     */
    public boolean has(String key) {
        return definition.configKey(key) != null;
    }

    private ConfigKey key(String key) {
        ConfigKey k = definition.configKey(key);
        if (k == null) {
            throw new FirmwareException("board " + definition.name() + " has no config key " + key);
        }
        return k;
    }
}
