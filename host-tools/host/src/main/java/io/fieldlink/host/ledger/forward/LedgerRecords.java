package io.fieldlink.host.ledger.forward;

import io.fieldlink.host.ledger.Checkpoint;
import io.fieldlink.host.ledger.LedgerEntry;
import java.util.Base64;
import java.util.HexFormat;

/** The JSON an endpoint receives for an entry or a checkpoint. */
final class LedgerRecords {
    private LedgerRecords() {
    }

    static String entry(String ledgerId, long index, LedgerEntry entry, byte[] leafHash) {
        return "{\"type\":\"entry\",\"ledger\":" + quote(ledgerId) + ",\"index\":" + index
                + ",\"kind\":" + quote(entry.kind().name()) + ",\"key\":" + quote(entry.key())
                + ",\"account\":" + quote(entry.account()) + ",\"amount_milli\":" + entry.amountMilli()
                + ",\"time_ms\":" + entry.timeMillis() + ",\"leaf_hash\":" + quote(HexFormat.of().formatHex(leafHash))
                + ",\"payload\":" + quote(Base64.getEncoder().encodeToString(entry.payload())) + "}";
    }

    static String checkpoint(String ledgerId, Checkpoint checkpoint) {
        return "{\"type\":\"checkpoint\",\"ledger\":" + quote(ledgerId) + ",\"size\":" + checkpoint.size()
                + ",\"root\":" + quote(HexFormat.of().formatHex(checkpoint.root())) + ",\"time_ms\":" + checkpoint.timeMillis()
                + ",\"key_id\":" + quote(checkpoint.keyId())
                + ",\"signature\":" + quote(Base64.getEncoder().encodeToString(checkpoint.signature()))
                + ",\"signed\":" + quote(checkpoint.encode()) + "}";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u").append(String.format("%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
