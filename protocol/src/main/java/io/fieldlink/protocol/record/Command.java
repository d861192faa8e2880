package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborException;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;
import io.fieldlink.protocol.cbor.CborWriter;

/**
 * A command riding on a response ({@link HelloAnswer}, {@link Ack}), so a sleeping device gets it at
 * its next report. The device acts on each command id once.
 *
 * <pre>{0: version 1, 1: type (uint, {@link CommandType#code()}), 2: command id (uint),
 *  3: body (signed types: byte string holding a COSE_Sign1; config set: {1: key, 2: value};
 *  firmware update: a firmware notice map)}</pre>
 */
public final class Command extends CborRecord {
    public static final long VERSION = 1;

    private final CommandType type;
    private final long id;
    private final byte[] signedBody;
    private final String configKey;
    private final String configValue;
    private final FirmwareNotice firmware;

    private Command(CommandType type, long id, byte[] signedBody, String configKey, String configValue,
            FirmwareNotice firmware) {
        this.type = type;
        this.id = Check.unsigned(id, "command.id");
        this.signedBody = signedBody;
        this.configKey = configKey;
        this.configValue = configValue;
        this.firmware = firmware;
    }

    /** A signed command: {@code coseSign1} is the encoded COSE_Sign1 whose payload is the type's body. */
    public static Command signed(CommandType type, long id, byte[] coseSign1) {
        if (!type.signed()) {
            throw new RecordException("command.type: " + type + " is not a signed command");
        }
        return new Command(type, id, Check.bytes(coseSign1, "command.body"), null, null, null);
    }

    public static Command configSet(long id, String key, String value) {
        return new Command(CommandType.CONFIG_SET, id, null, Check.text(key, "command.body.key"),
                Check.text(value, "command.body.value"), null);
    }

    public static Command firmwareUpdate(long id, FirmwareNotice notice) {
        return new Command(CommandType.FIRMWARE_UPDATE, id, null, null, null, Check.present(notice, "command.body"));
    }

    public CommandType type() {
        return type;
    }

    public long id() {
        return id;
    }

    /** The COSE_Sign1 bytes (a copy); null unless {@link CommandType#signed()}. */
    public byte[] signedBody() {
        return signedBody == null ? null : signedBody.clone();
    }

    /** The key of a config set, else null. */
    public String configKey() {
        return configKey;
    }

    /** The value of a config set, else null. */
    public String configValue() {
        return configValue;
    }

    /** The notice of a firmware update, else null. */
    public FirmwareNotice firmwareNotice() {
        return firmware;
    }

    @Override
    public String recordName() {
        return "command";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(4).writeInt(0).writeInt(VERSION).writeInt(1).writeInt(type.code()).writeInt(2).writeInt(id)
                .writeInt(3);
        if (signedBody != null) {
            w.writeBytes(signedBody);
        } else if (firmware != null) {
            firmware.encode(w);
        } else {
            w.writeMapHeader(2).writeInt(1).writeText(configKey).writeInt(2).writeText(configValue);
        }
    }

    public static Command decode(byte[] encoded) {
        return from(FieldMap.read(encoded, "command", VERSION));
    }

    static Command from(FieldMap m) {
        long code = m.uint(1, "type");
        CommandType type = CommandType.ofCode(code);
        if (type == null) {
            throw m.invalid("type", "unknown code " + code);
        }
        long id = m.uint(2, "id");
        if (type.signed()) {
            return signed(type, id, m.bytes(3, "body"));
        }
        byte[] body = m.raw(3, "body", CborType.MAP, "map");
        if (type == CommandType.FIRMWARE_UPDATE) {
            return firmwareUpdate(id, FirmwareNotice.from(FieldMap.read(body, m.path() + ".firmware", FirmwareNotice.VERSION)));
        }
        FieldMap config = FieldMap.readUnversioned(body, m.path() + ".config");
        return configSet(id, config.text(1, "key"), config.text(2, "value"));
    }

    static void writeAll(Command[] commands, CborWriter w) {
        w.writeArrayHeader(commands.length);
        for (int i = 0; i < commands.length; i++) {
            commands[i].encode(w);
        }
    }

    static Command[] readAll(FieldMap m, int key, String field) {
        CborReader r = m.reader(key, field, CborType.ARRAY, "array");
        String path = m.path() + "." + field;
        int i = 0;
        try {
            int n = r.readArrayHeader();
            if (n < 0) {
                throw m.invalid(field, "must have a definite length");
            }
            Command[] out = new Command[n];
            for (; i < n; i++) {
                out[i] = from(FieldMap.read(r, path + "[" + i + "]", VERSION));
            }
            return out;
        } catch (CborException e) {
            throw new RecordException(path + "[" + i + "]: " + e.getMessage(), e);
        }
    }
}
