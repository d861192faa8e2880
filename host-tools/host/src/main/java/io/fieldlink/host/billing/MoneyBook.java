package io.fieldlink.host.billing;

import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.ledger.Ledger;
import io.fieldlink.host.ledger.LedgerEntry;
import io.fieldlink.host.ledger.MoneyEventKind;
import java.nio.charset.StandardCharsets;

/**
 * Puts money events into the ledger exactly once. Every event has a key derived from what caused it
 * (a device and seq, a top-up's meter and token id, a meter and day), never from when the host saw
 * it. The ledger is appended durably before the store commit that books the event (or, when the
 * host's writer holds ledger appends, synced at the end of the event's group, before the group is
 * made durable and acknowledged), so a crash between the two leaves the ledger ahead: when the cause comes again (the device re-sends the
 * record it was never acknowledged for, an API client retries), {@link #record} finds the key and
 * returns the entry already in the ledger, and the books adopt that entry's amount. So no event is
 * ever in the ledger twice, and the books always agree with the ledger. Call on the committer thread
 * only (the single writer), so an index lookup and an append are not interleaved with another write.
 */
public final class MoneyBook {
    private final Ledger ledger;

    public MoneyBook(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * @return the entry now in the ledger under {@code entry}'s key: {@code entry} itself when it was
     *     appended now, or the one appended before (whose amount the caller must book)
     */
    public LedgerEntry record(LedgerEntry entry) {
        java.util.Optional<LedgerEntry> before = ledger.find(entry.key());
        if (before.isPresent()) {
            return before.get();
        }
        ledger.append(entry);
        return entry;
    }

    /** Records an event whose payload is the JSON written by {@code payload}. */
    public LedgerEntry record(MoneyEventKind kind, String key, String account, long amountMilli, long timeMillis,
            JsonWriter payload) {
        return record(new LedgerEntry(kind, key, account, amountMilli, timeMillis,
                payload.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** @return the entry under this key, if the ledger has one */
    public java.util.Optional<LedgerEntry> find(String key) {
        return ledger.find(key);
    }

    /** @return whether an event with this key is in the ledger */
    public boolean has(String key) {
        return ledger.find(key).isPresent();
    }

    /** @return the ledger */
    public Ledger ledger() {
        return ledger;
    }
}
