package io.fieldlink.host.store;

import io.fieldlink.host.auth.Principal;
import io.fieldlink.host.json.JsonReader;
import io.fieldlink.host.json.JsonWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.mapdb.BTreeMap;

/**
 * Append-only record of API changes. {@link #append} must run inside the committer write that makes
 * the change, so the entry and the change commit together; {@link #read} is thread-safe.
 */
public final class AuditLog {
    private final BTreeMap<Long, String> entries;

    /** Opens the log in {@code store}. */
    public AuditLog(HostStore store) {
        this.entries = store.logMap("audit");
    }

    /**
     * Appends an entry. Committer thread only.
     *
     * @param who the key holder making the change
     * @param action what was done, e.g. {@code device.provision}
     * @param target what it was done to, e.g. a device id
     * @param atMillis epoch milliseconds
     */
    public void append(Principal who, String action, String target, long atMillis) {
        Long last = entries.isEmpty() ? null : entries.lastKey();
        long seq = last == null ? 1 : last + 1;
        entries.put(seq, new JsonWriter().beginObject().field("seq", seq).field("at", atMillis)
                .field("key", who.keyId()).field("role", who.role().wireName()).field("label", who.label())
                .field("action", action).field("target", target).endObject().toString());
    }

    /** @return entries with {@code seq > afterSeq}, oldest first, at most {@code limit} */
    public List<Entry> read(long afterSeq, int limit) {
        List<Entry> out = new ArrayList<>();
        NavigableMap<Long, String> tail = entries.tailMap(afterSeq, false);
        for (String s : tail.values()) {
            if (out.size() >= limit) {
                break;
            }
            Map<String, Object> m = JsonReader.parseObject(s);
            out.add(new Entry(((BigDecimal) m.get("seq")).longValue(), ((BigDecimal) m.get("at")).longValue(),
                    (String) m.get("key"), (String) m.get("role"), (String) m.get("label"),
                    (String) m.get("action"), (String) m.get("target")));
        }
        return out;
    }

    /**
     * One audit entry.
     *
     * @param seq position in the log, from 1
     * @param at epoch milliseconds
     * @param keyId id of the key that made the change
     * @param role that key's role
     * @param label that key's label
     * @param action what was done
     * @param target what it was done to
     */
    public record Entry(long seq, long at, String keyId, String role, String label, String action, String target) {
    }
}
