package io.fieldlink.firmware.kernel;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.firmware.hal.Actuators;
import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.hal.Crypto;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.firmware.hal.Log;
import io.fieldlink.firmware.hal.Sensors;
import io.fieldlink.firmware.hal.SerialConsole;
import io.fieldlink.firmware.hal.Storage;
import io.fieldlink.firmware.hal.StorageException;
import io.fieldlink.firmware.hal.SystemReset;
import io.fieldlink.protocol.memory.BufferPool;

/**
 * Wires a {@link BoardApp} to its HAL, explicitly (no reflection, no ServiceLoader). Every
 * collaborator is required except the uplink factory, the reboot action, the sample period and the
 * firmware version; {@link #build()} names all that are missing.
 */
public final class BoardBuilder {
    BoardDefinition definition;
    BoardApp app;
    String deviceId;
    String firmwareVersion = Board.FIRMWARE_VERSION;
    Clock clock;
    Storage storage;
    DatagramTransport transport;
    SerialConsole console;
    Sensors sensors;
    Actuators actuators;
    Crypto crypto;
    Log log;
    UplinkFactory uplinkFactory;
    Runnable rebootAction;
    SystemReset systemReset;
    long samplePeriodMillis;
    BufferPool buffers;
    int recentLogLines = 32;

    BoardBuilder() {
    }

    /** @param v the board definition @return this */
    public BoardBuilder definition(BoardDefinition v) {
        definition = v;
        return this;
    }

    /** @param v the app @return this */
    public BoardBuilder app(BoardApp v) {
        app = v;
        return this;
    }

    /** @param v the device id (DTLS identity, console {@code id}) @return this */
    public BoardBuilder deviceId(String v) {
        deviceId = v;
        return this;
    }

    /** @param v firmware version (default {@link Board#FIRMWARE_VERSION}) @return this */
    public BoardBuilder firmwareVersion(String v) {
        firmwareVersion = v;
        return this;
    }

    /** @param v clock @return this */
    public BoardBuilder clock(Clock v) {
        clock = v;
        return this;
    }

    /** @param v storage with areas journal, snapshot, settings @return this */
    public BoardBuilder storage(Storage v) {
        storage = v;
        return this;
    }

    /**
     * @param v where the board borrows the working memory of its exchanges and commits (default: a
     *     pool of its own; a simulator gives all boards of one scheduler thread one pool) @return this
     */
    public BoardBuilder buffers(BufferPool v) {
        buffers = v;
        return this;
    }

    /**
     * @param v log entries the board keeps for the console's {@code log} command (default 32; 0 for a
     *     board whose console nobody reads, such as a simulated one) @return this
     */
    public BoardBuilder recentLogLines(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("recent log lines must not be negative: " + v);
        }
        recentLogLines = v;
        return this;
    }

    /** @param v datagram transport to the host @return this */
    public BoardBuilder transport(DatagramTransport v) {
        transport = v;
        return this;
    }

    /** @param v serial console @return this */
    public BoardBuilder console(SerialConsole v) {
        console = v;
        return this;
    }

    /** @param v sensors @return this */
    public BoardBuilder sensors(Sensors v) {
        sensors = v;
        return this;
    }

    /** @param v actuators @return this */
    public BoardBuilder actuators(Actuators v) {
        actuators = v;
        return this;
    }

    /** @param v crypto @return this */
    public BoardBuilder crypto(Crypto v) {
        crypto = v;
        return this;
    }

    /** @param v log sink @return this */
    public BoardBuilder log(Log v) {
        log = v;
        return this;
    }

    /** @param v creates the uplink at boot (optional: no uplink without it) @return this */
    public BoardBuilder uplink(UplinkFactory v) {
        uplinkFactory = v;
        return this;
    }

    /** @param v what the console's {@code reboot} does (optional: default reboots in place) @return this */
    public BoardBuilder rebootAction(Runnable v) {
        rebootAction = v;
        return this;
    }

    /**
     * @param v what a fault the board cannot continue from does (optional: default the kernel boots
     *     the board again in place after {@link Board#FAULT_REBOOT_DELAY_MILLIS})
     * @return this
     */
    public BoardBuilder systemReset(SystemReset v) {
        systemReset = v;
        return this;
    }

    /** @param v ms between sample ticks (optional: default the board's shortest channel period) @return this */
    public BoardBuilder samplePeriodMillis(long v) {
        samplePeriodMillis = v;
        return this;
    }

    /**
     * @return the board, not yet booted
     * @throws IllegalStateException naming every missing collaborator or storage area
     */
    public Board build() {
        StringBuilder missing = new StringBuilder();
        need(missing, definition, "definition");
        need(missing, app, "app");
        need(missing, deviceId, "deviceId");
        need(missing, firmwareVersion, "firmwareVersion");
        need(missing, clock, "clock");
        need(missing, storage, "storage");
        need(missing, transport, "transport");
        need(missing, console, "console");
        need(missing, sensors, "sensors");
        need(missing, actuators, "actuators");
        need(missing, crypto, "crypto");
        need(missing, log, "log");
        if (missing.length() > 0) {
            throw new IllegalStateException("board cannot be built, missing: " + missing);
        }
        String[] areas = {"journal", "snapshot", "settings"};
        for (int i = 0; i < areas.length; i++) {
            try {
                storage.area(areas[i]);
            } catch (StorageException e) {
                need(missing, null, "storage area " + areas[i]);
            }
        }
        if (missing.length() > 0) {
            throw new IllegalStateException("board cannot be built, missing: " + missing);
        }
        if (samplePeriodMillis < 0) {
            throw new IllegalStateException("samplePeriodMillis is negative: " + samplePeriodMillis);
        }
        return new Board(this);
    }

    private static void need(StringBuilder missing, Object value, String name) {
        if (value == null) {
            if (missing.length() > 0) {
                missing.append(", ");
            }
            missing.append(name);
        }
    }
}
