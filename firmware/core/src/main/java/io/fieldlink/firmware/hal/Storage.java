package io.fieldlink.firmware.hal;

/**
 * The board's non-volatile storage, as named areas laid out by the binding (e.g. {@code "journal"},
 * {@code "snapshot"}, {@code "console"}).
 */
public interface Storage {
    /**
     * @param name the area name
     * @return the area
     * @throws StorageException if the board has no area of that name
     */
    StorageArea area(String name);
}
