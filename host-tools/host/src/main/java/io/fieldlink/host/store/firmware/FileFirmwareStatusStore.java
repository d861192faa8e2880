package io.fieldlink.host.store.firmware;

import io.fieldlink.host.firmware.FirmwareStatus;
import io.fieldlink.host.firmware.FirmwareStatusStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link FirmwareStatusStore} in one UTF-8 text file, a line per device with tab-separated fields
 * (device, version, state, command id, updated at, reason; tabs and line breaks in the reason become
 * spaces), written to a temporary file and renamed over the old one.
 */
public final class FileFirmwareStatusStore implements FirmwareStatusStore {
    private final Path file;

    /** @param file the status file (its directory must exist) */
    public FileFirmwareStatusStore(Path file) {
        this.file = file;
    }

    @Override
    public Collection<FirmwareStatus> load() {
        List<FirmwareStatus> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", 6);
                if (f.length != 6) {
                    throw new IOException(file + " line " + (i + 1) + ": expected 6 tab-separated fields");
                }
                try {
                    out.add(new FirmwareStatus(f[0], f[1], f[2], f[5], Long.parseLong(f[3]), Long.parseLong(f[4])));
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the firmware states: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void save(Collection<FirmwareStatus> all) {
        StringBuilder b = new StringBuilder();
        for (FirmwareStatus s : all) {
            b.append(s.deviceId()).append('\t').append(s.version()).append('\t').append(s.state()).append('\t')
                    .append(s.commandId()).append('\t').append(s.updatedAt()).append('\t')
                    .append(s.reason().replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the firmware states: " + e.getMessage(), e);
        }
    }
}
