package io.fieldlink.firmware.jvm.storage;

import io.fieldlink.firmware.hal.Storage;
import io.fieldlink.firmware.hal.StorageArea;
import io.fieldlink.firmware.hal.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A board's storage in a directory: {@code <name>.area} files of fixed size. A missing area file is
 * created zero-filled (a fresh flash area reads as zeros); one of the wrong size is refused, since the
 * layout of a board's storage never changes under its data.
 */
public final class FileStorage implements Storage, AutoCloseable {
    private final Map<String, FileArea> areas = new LinkedHashMap<>();

    private FileStorage() {
    }

    /**
     * @param directory where the area files live (created if missing)
     * @param layout area name → size in bytes
     */
    public static FileStorage open(Path directory, Map<String, Integer> layout) throws IOException {
        Files.createDirectories(directory);
        FileStorage storage = new FileStorage();
        try {
            for (Map.Entry<String, Integer> area : layout.entrySet()) {
                storage.areas.put(area.getKey(), FileArea.open(directory.resolve(area.getKey() + ".area"), area.getKey(), area.getValue()));
            }
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
        return storage;
    }

    @Override
    public StorageArea area(String name) {
        StorageArea area = areas.get(name);
        if (area == null) {
            throw new StorageException("this board has no storage area '" + name + "' (it has " + areas.keySet() + ")");
        }
        return area;
    }

    @Override
    public void close() {
        UncheckedIOException failure = null;
        for (FileArea area : areas.values()) {
            try {
                area.close();
            } catch (IOException e) {
                failure = new UncheckedIOException("closing storage area " + area.name(), e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
