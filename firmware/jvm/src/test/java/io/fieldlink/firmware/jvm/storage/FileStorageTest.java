package io.fieldlink.firmware.jvm.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.firmware.hal.StorageArea;
import io.fieldlink.firmware.hal.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {
    @TempDir
    Path dir;

    @Test
    void freshAreasReadAsZerosAndWritesSurviveReopen() throws Exception {
        try (FileStorage storage = FileStorage.open(dir, Map.of("journal", 4096, "snapshot", 512))) {
            StorageArea journal = storage.area("journal");
            byte[] zeros = new byte[16];
            journal.read(100, zeros, 0, 16);
            assertThat(zeros).containsOnly(0);
            journal.write(4090, new byte[] {9, 8, 7, 6, 5, 4}, 0, 6);
        }

        try (FileStorage storage = FileStorage.open(dir, Map.of("journal", 4096, "snapshot", 512))) {
            byte[] back = new byte[6];
            storage.area("journal").read(4090, back, 0, 6);
            assertThat(back).containsExactly(9, 8, 7, 6, 5, 4);
        }
    }

    @Test
    void anAreaOfAnotherSizeIsRefusedNotReinterpreted() throws Exception {
        FileStorage.open(dir, Map.of("journal", 4096)).close();

        assertThatThrownBy(() -> FileStorage.open(dir, Map.of("journal", 8192)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("holds 4096 bytes but area journal is 8192 bytes");
        assertThat(Files.size(dir.resolve("journal.area"))).isEqualTo(4096);
    }

    @Test
    void outOfRangeAndUnknownAreasAreSpecificErrors() throws Exception {
        try (FileStorage storage = FileStorage.open(dir, Map.of("journal", 64))) {
            StorageArea journal = storage.area("journal");

            assertThatThrownBy(() -> journal.write(60, new byte[8], 0, 8))
                    .isInstanceOf(StorageException.class).hasMessageContaining("bytes 60..68 are outside storage area journal of 64");
            assertThatThrownBy(() -> storage.area("eeprom"))
                    .isInstanceOf(StorageException.class).hasMessageContaining("no storage area 'eeprom'");
        }
    }
}
