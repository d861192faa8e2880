package io.fieldlink.host.registry;

import io.fieldlink.host.json.JsonReader;
import io.fieldlink.host.json.JsonWriter;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.Map;

/**
 * One provisioned device as the registry holds it. Immutable; {@code with...} return copies.
 *
 * @param id device id, also its DTLS PSK identity
 * @param board board kind
 * @param psk the pre-shared key (never shown after provisioning)
 * @param provisionedAt epoch milliseconds
 * @param lastSeen epoch milliseconds of the last accepted uplink, 0 when never heard from
 * @param firmware firmware version from the last hello, or null
 * @param bootCount boot count from the last hello, or -1
 */
public record Device(String id, BoardKind board, byte[] psk, long provisionedAt, long lastSeen,
        String firmware, long bootCount) {

    /** @return a copy seen at {@code atMillis} (never moving back in time) */
    public Device seenAt(long atMillis) {
        return new Device(id, board, psk, provisionedAt, Math.max(lastSeen, atMillis), firmware, bootCount);
    }

    /** @return a copy with what a hello reported */
    public Device withHello(String firmwareVersion, long boots, long atMillis) {
        return new Device(id, board, psk, provisionedAt, Math.max(lastSeen, atMillis), firmwareVersion, boots);
    }

    String toStored() {
        return new JsonWriter().beginObject().field("id", id).field("board", board.wireName())
                .field("psk", HexFormat.of().formatHex(psk)).field("provisionedAt", provisionedAt)
                .field("lastSeen", lastSeen).field("firmware", firmware).field("bootCount", bootCount)
                .endObject().toString();
    }

    static Device fromStored(String json) {
        Map<String, Object> m = JsonReader.parseObject(json);
        Object fw = m.get("firmware");
        return new Device((String) m.get("id"), BoardKind.parse((String) m.get("board")),
                HexFormat.of().parseHex((String) m.get("psk")), ((BigDecimal) m.get("provisionedAt")).longValue(),
                ((BigDecimal) m.get("lastSeen")).longValue(), fw instanceof String ? (String) fw : null,
                ((BigDecimal) m.get("bootCount")).longValue());
    }
}
