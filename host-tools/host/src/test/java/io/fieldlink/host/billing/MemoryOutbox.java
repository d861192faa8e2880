package io.fieldlink.host.billing;

import io.fieldlink.host.command.CommandOutbox;
import io.fieldlink.host.command.QueuedCommand;
import io.fieldlink.protocol.record.CommandType;
import io.fieldlink.protocol.record.FirmwareNotice;
import java.util.ArrayList;
import java.util.List;

/** A command outbox in memory: keeps what was queued, for tests. Thread-safe. */
public final class MemoryOutbox implements CommandOutbox {
    /** One queued signed command. */
    public record Signed(long id, String device, CommandType type, byte[] cose) {
    }

    public final List<Signed> signed = new ArrayList<>();
    private long next = 1;

    @Override
    public synchronized long queueSigned(String deviceId, CommandType type, byte[] coseSign1) {
        if (!type.signed()) {
            throw new IllegalArgumentException(type + " is not a signed type");
        }
        long id = next++;
        signed.add(new Signed(id, deviceId, type, coseSign1.clone()));
        return id;
    }

    @Override
    public synchronized long queueConfig(String deviceId, String key, String value) {
        return next++;
    }

    @Override
    public synchronized long queueFirmware(String deviceId, FirmwareNotice notice) {
        return next++;
    }

    @Override
    public synchronized List<QueuedCommand> commands(String deviceId) {
        List<QueuedCommand> out = new ArrayList<>();
        for (Signed s : signed) {
            if (s.device().equals(deviceId)) {
                out.add(new QueuedCommand(s.id(), deviceId, s.type(), "queued", "", 0));
            }
        }
        return out;
    }
}
