package io.fieldlink.host.billing.accounts;

import io.fieldlink.host.billing.Doc;
import io.fieldlink.host.billing.Keys;
import io.fieldlink.host.billing.Tables;
import io.fieldlink.host.billing.WriteBehind;
import io.fieldlink.host.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables of the meter accounts and the reads over them. Tables: {@code accounts} (meter →
 * {@link AccountState}), {@code account-events} ({@code meter|seq|n} → a money event the meter
 * reported: redeem, emergency_taken, emergency_repaid, fixed_charge), {@code daily-charges}
 * ({@code meter|day} → consumption booked to the ledger), {@code band-usage}
 * ({@code meter|day|band} → energy and cost), {@code topups} ({@code meter|token id} → an issued
 * credit token), {@code topup-requests} (request id → meter and token id), {@code topup-counter}
 * (meter → next token id). Writes on the committer thread only; reads anywhere.
 *
 * <p>Accounts are written behind ({@link WriteBehind}) when the tables support it: an account
 * changed since the store's last commit is kept parsed in memory (a snapshot per change, never
 * changed after it is put there), read from there by every read, and written into {@code accounts}
 * once, at the commit; a rollback forgets them with the rest of the transaction. At most the
 * accounts one checkpoint interval touched are held. Band usage is written behind the same way.
 */
public final class AccountBooks {
    final NavigableMap<String, String> accounts;
    final NavigableMap<String, String> events;
    final NavigableMap<String, String> dailyCharges;
    final NavigableMap<String, String> bandUsage;
    final NavigableMap<String, String> topups;
    final NavigableMap<String, String> requests;
    final NavigableMap<String, String> counters;
    /** Accounts changed since the last commit (write-behind), meter → a snapshot nobody changes. */
    private final Map<String, AccountState> unsaved = new ConcurrentHashMap<>();
    /**
     * Write-behind only, committer thread only: accounts as the store holds them (parsed once, not
     * per uplink; snapshots nobody changes). Nothing but {@link WriteBehind#writeOut} writes the
     * table then, so an entry stays true until a rollback, which empties it.
     */
    private final Map<String, AccountState> parsed = new java.util.HashMap<>();
    private static final int PARSED_KEPT = 100_000;
    /** Band usage changed since the last commit (write-behind), key → totals nobody changes; sorted for range reads. */
    private final java.util.concurrent.ConcurrentSkipListMap<String, BandTotal> unsavedBands =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Write-behind only, committer thread only: band usage as the store holds it, read once (like {@link #parsed}). */
    private final Map<String, BandTotal> parsedBands = new java.util.HashMap<>();
    /**
     * Write-behind only, committer thread only: per meter, the fixed charges in {@code account-events}
     * beyond the seqs a pack already counted (seq → event n → amount), loaded from the table once and
     * kept up to date by {@link #addEvent}, so a pack does not scan the table; emptied by a rollback.
     */
    private final Map<String, java.util.TreeMap<Long, Map<Integer, Long>>> fixedAhead = new java.util.HashMap<>();
    private final boolean writeBehind;

    public AccountBooks(Tables tables) {
        accounts = tables.table("accounts");
        events = tables.table("account-events");
        dailyCharges = tables.table("daily-charges");
        bandUsage = tables.table("band-usage");
        topups = tables.table("topups");
        requests = tables.table("topup-requests");
        counters = tables.table("topup-counter");
        writeBehind = tables.writeBehind(new WriteBehind() {
            @Override
            public void writeOut() {
                for (Map.Entry<String, AccountState> e : unsaved.entrySet()) {
                    accounts.put(e.getKey(), e.getValue().json());
                }
                for (Map.Entry<String, BandTotal> e : unsavedBands.entrySet()) {
                    bandUsage.put(e.getKey(), e.getValue().json());
                }
            }

            @Override
            public void written() {
                if (parsed.size() + unsaved.size() > PARSED_KEPT) {
                    parsed.clear();
                }
                parsed.putAll(unsaved);
                unsaved.clear();
                if (parsedBands.size() + unsavedBands.size() > PARSED_KEPT) {
                    parsedBands.clear();
                }
                parsedBands.putAll(unsavedBands);
                unsavedBands.clear();
                if (fixedAhead.size() > PARSED_KEPT) {
                    fixedAhead.clear();
                }
            }

            @Override
            public void dropped() {
                unsaved.clear();
                parsed.clear();
                unsavedBands.clear();
                parsedBands.clear();
                fixedAhead.clear();
            }
        });
    }

    /** @return the meter's account, or empty when nothing was booked for it yet */
    public Optional<AccountState> find(String meter) {
        AccountState s = stored(meter);
        return s == null ? Optional.empty() : Optional.of(s.copy());
    }

    AccountState load(String meter) {
        AccountState s = stored(meter);
        return s == null ? new AccountState() : s.copy();
    }

    void save(String meter, AccountState s) {
        if (writeBehind) {
            unsaved.put(meter, s.copy());
        } else {
            accounts.put(meter, s.json());
        }
    }

    /**
     * @return the meter's account as stored or held for the next commit, null when it has none;
     *         shared: never change it (for {@link #saveIfChanged})
     */
    AccountState stored(String meter) {
        // the memory first: it is emptied only after the table holds it
        AccountState s = unsaved.get(meter);
        if (s != null) {
            return s;
        }
        String json = accounts.get(meter);
        return json == null ? null : AccountState.parse(json);
    }

    /**
     * {@link #stored} for the account projection on the committer thread: with write-behind an
     * account read from the table is parsed once and kept, not parsed again for every uplink.
     */
    AccountState storedForUpdate(String meter) {
        if (!writeBehind) {
            return stored(meter);
        }
        AccountState s = unsaved.get(meter);
        if (s == null) {
            s = parsed.get(meter);
        }
        if (s == null) {
            String json = accounts.get(meter);
            if (json != null) {
                s = AccountState.parse(json);
                if (parsed.size() >= PARSED_KEPT) {
                    parsed.clear();
                }
                parsed.put(meter, s);
            }
        }
        return s;
    }

    /** Saves the account unless it is still exactly {@code before} (what {@link #stored} returned, null for none). */
    void saveIfChanged(String meter, AccountState s, AccountState before) {
        if (before == null || !s.sameAs(before)) {
            save(meter, s);
        }
    }

    /** @return accounts held in memory for the next commit */
    public int unsavedAccounts() {
        return unsaved.size();
    }

    /** @return every meter with an account */
    public List<String> meters() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(unsaved.keySet());
        all.addAll(accounts.keySet());
        List<String> out = new ArrayList<>(all);
        for (String k : topups.keySet()) {
            String m = k.substring(0, k.indexOf(Keys.SEP));
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** A money event a meter reported. */
    public record MeterEvent(long seq, String type, long amount, long timeMillis, long tokenId) {
    }

    void addEvent(String meter, long seq, int n, String type, long amount, long time, long tokenId) {
        if (writeBehind && type.equals(FIXED_CHARGE)) {
            java.util.TreeMap<Long, Map<Integer, Long>> ahead = fixedAhead.get(meter);
            if (ahead != null) {
                ahead.computeIfAbsent(seq, k -> new java.util.TreeMap<>()).put(n, amount);
            }
        }
        events.put(Keys.of(meter, seq, n), new JsonWriter().beginObject().field("type", type).field("amount", amount)
                .field("time", time).field("tokenId", tokenId).endObject().toString());
    }

    private static final String FIXED_CHARGE = "fixed_charge";

    /**
     * The sum of the meter's {@code fixed_charge} events with {@code fromSeq <= seq < toSeq}, for a
     * pack at {@code toSeq} whose previous pack was at {@code fromSeq - 1}: the next call for the
     * meter must start above {@code toSeq} (each pack's range starts after the last one). Committer
     * thread only.
     */
    long fixedChargesBetween(String meter, long fromSeq, long toSeq) {
        if (!writeBehind) {
            long fixed = 0;
            for (MeterEvent ev : events(meter, fromSeq, toSeq)) {
                if (ev.type().equals(FIXED_CHARGE)) {
                    fixed += ev.amount();
                }
            }
            return fixed;
        }
        java.util.TreeMap<Long, Map<Integer, Long>> ahead = fixedAhead.get(meter);
        if (ahead == null) {
            ahead = new java.util.TreeMap<>();
            for (Map.Entry<String, String> e : events.subMap(Keys.of(meter, Math.max(0, fromSeq)), Keys.after(meter))
                    .entrySet()) {
                Doc d = Doc.parse(e.getValue());
                if (d.text("type", "?").equals(FIXED_CHARGE)) {
                    String[] parts = e.getKey().split("\\|");
                    ahead.computeIfAbsent(Long.parseLong(parts[1]), k -> new java.util.TreeMap<>())
                            .put(Integer.parseInt(parts[2]), d.num("amount", 0));
                }
            }
            fixedAhead.put(meter, ahead);
        }
        long fixed = 0;
        for (Map<Integer, Long> atSeq : ahead.subMap(Math.max(0, fromSeq), true, toSeq, false).values()) {
            for (long amount : atSeq.values()) {
                fixed += amount;
            }
        }
        // the next pack's range starts above toSeq
        ahead.headMap(toSeq, true).clear();
        return fixed;
    }

    /** @return the meter's money events with {@code fromSeq <= seq < toSeq}, in seq order */
    public List<MeterEvent> events(String meter, long fromSeq, long toSeq) {
        List<MeterEvent> out = new ArrayList<>();
        for (Map.Entry<String, String> e : events.subMap(Keys.of(meter, Math.max(0, fromSeq)), Keys.of(meter, toSeq)).entrySet()) {
            String[] parts = e.getKey().split("\\|");
            Doc d = Doc.parse(e.getValue());
            out.add(new MeterEvent(Long.parseLong(parts[1]), d.text("type", "?"), d.num("amount", 0), d.num("time", 0),
                    d.num("tokenId", -1)));
        }
        return out;
    }

    /** One issued credit token. */
    public record TopUp(String meter, long tokenId, long amount, String requestId, String token, long issuedAt,
            String status, long redeemedSeq, long commandId, String replacedBy) {
        /** Stored form. */
        String json() {
            return new JsonWriter().beginObject().field("amount", amount).field("requestId", requestId)
                    .field("token", token).field("issuedAt", issuedAt).field("status", status)
                    .field("redeemedSeq", redeemedSeq).field("command", commandId).field("replacedBy", replacedBy)
                    .endObject().toString();
        }

        static TopUp parse(String key, String json) {
            String[] parts = key.split("\\|");
            Doc d = Doc.parse(json);
            return new TopUp(parts[0], Long.parseLong(parts[1]), d.num("amount", 0), d.text("requestId", ""),
                    d.text("token", ""), d.num("issuedAt", 0), d.text("status", "issued"), d.num("redeemedSeq", -1),
                    d.num("command", -1), d.text("replacedBy", null));
        }

        TopUp with(String newStatus, long seq, long command, String replaced) {
            return new TopUp(meter, tokenId, amount, requestId, token, issuedAt, newStatus, seq, command, replaced);
        }
    }

    /** @return the top-up with this token id */
    public Optional<TopUp> topUp(String meter, long tokenId) {
        String key = Keys.of(meter, tokenId);
        String json = topups.get(key);
        return json == null ? Optional.empty() : Optional.of(TopUp.parse(key, json));
    }

    void put(TopUp t) {
        topups.put(Keys.of(t.meter(), t.tokenId()), t.json());
    }

    /** @return the meter's top-ups by token id, or every meter's when {@code meter} is null */
    public List<TopUp> topUps(String meter) {
        java.util.SortedMap<String, String> range = meter == null ? topups : topups.subMap(meter + Keys.SEP, Keys.after(meter));
        List<TopUp> out = new ArrayList<>();
        for (Map.Entry<String, String> e : range.entrySet()) {
            out.add(TopUp.parse(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** Consumption of one day booked to the ledger. */
    public record DailyCharge(long day, long amount, String ledgerKey) {
    }

    /** @return the meter's booked daily charges with {@code fromDay <= day < toDay} */
    public List<DailyCharge> dailyCharges(String meter, long fromDay, long toDay) {
        List<DailyCharge> out = new ArrayList<>();
        for (Map.Entry<String, String> e : dailyCharges.subMap(Keys.of(meter, Math.max(0, fromDay)), Keys.of(meter, Math.max(0, toDay))).entrySet()) {
            Doc d = Doc.parse(e.getValue());
            out.add(new DailyCharge(Long.parseLong(e.getKey().split("\\|")[1]), d.num("amount", 0), d.text("key", "")));
        }
        return out;
    }

    /** Energy and cost in one band of one day. */
    public record BandUsage(long day, String band, long wh, long cost) {
    }

    /** @return the meter's band usage with {@code fromDay <= day < toDay} */
    public List<BandUsage> bandUsage(String meter, long fromDay, long toDay) {
        String from = Keys.of(meter, Math.max(0, fromDay));
        String to = Keys.of(meter, Math.max(0, toDay));
        // the memory first: it is emptied only after the table holds it
        java.util.TreeMap<String, BandTotal> totals = new java.util.TreeMap<>(unsavedBands.subMap(from, to));
        for (Map.Entry<String, String> e : bandUsage.subMap(from, to).entrySet()) {
            if (!totals.containsKey(e.getKey())) {
                totals.put(e.getKey(), BandTotal.parse(e.getValue()));
            }
        }
        List<BandUsage> out = new ArrayList<>();
        for (Map.Entry<String, BandTotal> e : totals.entrySet()) {
            String[] parts = e.getKey().split("\\|");
            out.add(new BandUsage(Long.parseLong(parts[1]), parts[2], e.getValue().wh(), e.getValue().cost()));
        }
        return out;
    }

    /** Energy and cost of one band of one day, as stored (never changed: replaced). */
    private record BandTotal(long wh, long cost) {
        static BandTotal parse(String json) {
            Doc d = Doc.parse(json);
            return new BandTotal(d.num("wh", 0), d.num("cost", 0));
        }

        String json() {
            return new JsonWriter().beginObject().field("wh", wh).field("cost", cost).endObject().toString();
        }
    }

    /** @return band-usage entries held in memory for the next commit */
    public int unsavedBandUsage() {
        return unsavedBands.size();
    }

    void addBandUsage(String meter, long day, String band, long wh, long cost) {
        String key = Keys.of(meter, day, band);
        if (writeBehind) {
            BandTotal t = unsavedBands.get(key);
            if (t == null) {
                t = parsedBands.get(key);
            }
            if (t == null) {
                String json = bandUsage.get(key);
                t = json == null ? new BandTotal(0, 0) : BandTotal.parse(json);
            }
            unsavedBands.put(key, new BandTotal(t.wh() + wh, t.cost() + cost));
            return;
        }
        String json = bandUsage.get(key);
        long w0 = 0;
        long c0 = 0;
        if (json != null) {
            Doc d = Doc.parse(json);
            w0 = d.num("wh", 0);
            c0 = d.num("cost", 0);
        }
        bandUsage.put(key, new JsonWriter().beginObject().field("wh", w0 + wh).field("cost", c0 + cost).endObject().toString());
    }
}
