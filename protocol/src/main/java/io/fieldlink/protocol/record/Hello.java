package io.fieldlink.protocol.record;

import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborWriter;

/**
 * Sent by a board on boot to {@code hello}: which board it is and what it runs.
 *
 * <pre>{0: version 1, 1: board kind (text: "meter", "pump", "wellhead"), 2: board id (text),
 *  3: firmware version (text), 4: boot count (uint)}</pre>
 */
public final class Hello extends CborRecord {
    public static final long VERSION = 1;

    private final String boardKind;
    private final String boardId;
    private final String firmwareVersion;
    private final long bootCount;

    public Hello(String boardKind, String boardId, String firmwareVersion, long bootCount) {
        this.boardKind = Check.text(boardKind, "hello.boardKind");
        this.boardId = Check.text(boardId, "hello.boardId");
        this.firmwareVersion = Check.text(firmwareVersion, "hello.firmwareVersion");
        this.bootCount = Check.unsigned(bootCount, "hello.bootCount");
    }

    public String boardKind() {
        return boardKind;
    }

    public String boardId() {
        return boardId;
    }

    public String firmwareVersion() {
        return firmwareVersion;
    }

    /** Boots since manufacture, counted by the board. */
    public long bootCount() {
        return bootCount;
    }

    @Override
    public String recordName() {
        return "hello";
    }

    @Override
    public void encode(CborWriter w) {
        w.writeMapHeader(5).writeInt(0).writeInt(VERSION)
                .writeInt(1).writeText(boardKind)
                .writeInt(2).writeText(boardId)
                .writeInt(3).writeText(firmwareVersion)
                .writeInt(4).writeInt(bootCount);
    }

    /** @throws RecordException naming the bad field */
    public static Hello decode(byte[] encoded) {
        return from(FieldMap.read(encoded, "hello", VERSION));
    }

    public static Hello read(CborReader r) {
        return from(FieldMap.read(r, "hello", VERSION));
    }

    private static Hello from(FieldMap m) {
        return new Hello(m.text(1, "boardKind"), m.text(2, "boardId"), m.text(3, "firmwareVersion"),
                m.uint(4, "bootCount"));
    }
}
