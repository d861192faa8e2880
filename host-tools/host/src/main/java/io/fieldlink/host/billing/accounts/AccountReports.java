package io.fieldlink.host.billing.accounts;

import io.fieldlink.host.billing.Keys;
import io.fieldlink.host.json.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Statements and the reconciliation report, read from the account books. Thread-safe (reads only).
 */
public final class AccountReports {
    private final AccountBooks books;

    public AccountReports(AccountBooks books) {
        this.books = books;
    }

    /**
     * One meter's identity check as of its newest pack: credit redeemed + emergency credit owed −
     * charged, over the records before that pack, against the balance the pack reports.
     *
     * @param expected what the host's books say the balance is
     */
    public record Check(String meter, long packSeq, long packTime, long redeemed, long emergencyOwed, long charged,
            long expected, long reported) {
        /** @return whether the books and the meter disagree */
        public boolean mismatch() {
            return expected != reported;
        }
    }

    /** @return the identity check for a meter, or empty before its first pack with a charged total */
    public Optional<Check> check(String meter) {
        Optional<AccountState> found = books.find(meter);
        if (found.isEmpty() || found.get().packSeq < 0 || found.get().charged < 0) {
            return Optional.empty();
        }
        AccountState s = found.get();
        long redeemed = 0;
        long owed = 0;
        for (AccountBooks.MeterEvent e : books.events(meter, 0, s.packSeq)) {
            switch (e.type()) {
                case "redeem" -> redeemed += e.amount();
                case "emergency_taken" -> owed += e.amount();
                case "emergency_repaid" -> owed -= e.amount();
                default -> {
                }
            }
        }
        return Optional.of(new Check(meter, s.packSeq, s.packTime, redeemed, owed, s.charged, redeemed + owed - s.charged,
                s.balance));
    }

    /** Writes the reconciliation report: mismatched meters, outstanding credit, voided tokens. */
    public String reconciliation() {
        JsonWriter w = new JsonWriter().beginObject().name("mismatches").beginArray();
        int checked = 0;
        for (String meter : books.meters()) {
            Optional<Check> c = check(meter);
            if (c.isEmpty()) {
                continue;
            }
            checked++;
            if (c.get().mismatch()) {
                check(w, c.get());
            }
        }
        w.endArray().field("metersChecked", checked).name("outstanding").beginArray();
        long outstanding = 0;
        long issued = 0;
        long redeemed = 0;
        long voided = 0;
        for (AccountBooks.TopUp t : books.topUps(null)) {
            long highest = books.find(t.meter()).map(s -> s.highestToken).orElse(-1L);
            switch (t.status()) {
                case "issued" -> {
                    outstanding += t.amount();
                    issued += t.amount();
                    w.beginObject().field("meter", t.meter()).field("tokenId", t.tokenId()).field("amount", t.amount())
                            .field("issuedAt", Keys.iso(t.issuedAt()))
                            .field("voidable", TopUps.outOfWindow(t.tokenId(), highest)).endObject();
                }
                case "redeemed" -> {
                    issued += t.amount();
                    redeemed += t.amount();
                }
                default -> {
                    issued += t.amount();
                    voided += t.amount();
                }
            }
        }
        w.endArray().name("voided").beginArray();
        for (AccountBooks.TopUp t : books.topUps(null)) {
            if (t.status().startsWith("voided")) {
                w.beginObject().field("meter", t.meter()).field("tokenId", t.tokenId()).field("amount", t.amount())
                        .field("status", t.status()).field("replacedBy", t.replacedBy()).endObject();
            }
        }
        return w.endArray().name("totals").beginObject().field("issued", issued).field("redeemed", redeemed)
                .field("outstanding", outstanding).field("voided", voided).endObject().endObject().toString();
    }

    static void check(JsonWriter w, Check c) {
        w.beginObject().field("meter", c.meter()).field("asOfSeq", c.packSeq()).field("asOf", Keys.iso(c.packTime()))
                .field("redeemed", c.redeemed()).field("emergencyOwed", c.emergencyOwed()).field("charged", c.charged())
                .field("expectedBalance", c.expected()).field("reportedBalance", c.reported())
                .field("difference", c.reported() - c.expected()).endObject();
    }

    /** Writes a meter's account: its books and identity check. */
    public String account(String meter) {
        AccountState s = books.find(meter).orElseGet(AccountState::new);
        JsonWriter w = new JsonWriter().beginObject().field("meter", meter).field("redeemed", s.redeemed)
                .field("emergencyTaken", s.emergencyTaken).field("emergencyRepaid", s.emergencyRepaid)
                .field("fixedCharged", s.fixedCharged).field("charged", s.charged).field("bookedCharges", s.ledgerCharged)
                .field("balance", s.balance).field("energyWh", s.energyWh).field("highestTokenId", s.highestToken)
                .field("lastReport", s.packSeq < 0 ? null : Keys.iso(s.packTime));
        w.name("check");
        Optional<Check> c = check(meter);
        if (c.isPresent()) {
            check(w, c.get());
        } else {
            w.value((String) null);
        }
        return w.endObject().toString();
    }

    /**
     * Writes a statement for {@code [from, to)}: energy and cost per tariff band, top-ups issued,
     * credit redeemed, emergency credit, fixed charges and the consumption booked per day.
     */
    public String statement(String meter, long from, long to) {
        long fromDay = Keys.day(from);
        long toDay = Keys.day(to - 1) + 1;
        JsonWriter w = new JsonWriter().beginObject().field("meter", meter).field("from", Keys.iso(from))
                .field("to", Keys.iso(to)).name("bands").beginArray();
        Map<String, long[]> bands = new TreeMap<>();
        for (AccountBooks.BandUsage u : books.bandUsage(meter, fromDay, toDay)) {
            long[] t = bands.computeIfAbsent(u.band(), b -> new long[2]);
            t[0] += u.wh();
            t[1] += u.cost();
        }
        long energy = 0;
        long energyCost = 0;
        for (Map.Entry<String, long[]> b : bands.entrySet()) {
            w.beginObject().field("band", b.getKey()).field("energyWh", b.getValue()[0]).field("cost", b.getValue()[1])
                    .endObject();
            energy += b.getValue()[0];
            energyCost += b.getValue()[1];
        }
        w.endArray().name("topups").beginArray();
        long issued = 0;
        for (AccountBooks.TopUp t : books.topUps(meter)) {
            if (t.issuedAt() >= from && t.issuedAt() < to) {
                issued += t.amount();
                w.beginObject().field("tokenId", t.tokenId()).field("amount", t.amount())
                        .field("issuedAt", Keys.iso(t.issuedAt())).field("status", t.status()).endObject();
            }
        }
        long redeemed = 0;
        long taken = 0;
        long repaid = 0;
        long fixed = 0;
        w.endArray().name("redemptions").beginArray();
        List<AccountBooks.MeterEvent> events = books.events(meter, 0, Long.MAX_VALUE);
        for (AccountBooks.MeterEvent e : events) {
            if (e.timeMillis() < from || e.timeMillis() >= to) {
                continue;
            }
            switch (e.type()) {
                case "redeem" -> {
                    redeemed += e.amount();
                    w.beginObject().field("tokenId", e.tokenId()).field("amount", e.amount())
                            .field("at", Keys.iso(e.timeMillis())).endObject();
                }
                case "emergency_taken" -> taken += e.amount();
                case "emergency_repaid" -> repaid += e.amount();
                case "fixed_charge" -> fixed += e.amount();
                default -> {
                }
            }
        }
        w.endArray().name("emergencyCredit").beginObject().field("taken", taken).field("repaid", repaid).endObject();
        w.name("dailyCharges").beginArray();
        long charged = 0;
        for (AccountBooks.DailyCharge d : books.dailyCharges(meter, fromDay, toDay)) {
            charged += d.amount();
            w.beginObject().field("day", Keys.isoDay(d.day())).field("amount", d.amount()).field("ledgerKey", d.ledgerKey())
                    .endObject();
        }
        w.endArray();
        AccountState s = books.find(meter).orElseGet(AccountState::new);
        if (s.openDay >= fromDay && s.openDay < toDay && s.charged > s.ledgerCharged) {
            w.name("pendingCharge").beginObject().field("day", Keys.isoDay(s.openDay))
                    .field("amount", s.charged - s.ledgerCharged).endObject();
        }
        return w.name("totals").beginObject().field("energyWh", energy).field("energyCost", energyCost)
                .field("fixedCharges", fixed).field("topupsIssued", issued).field("redeemed", redeemed)
                .field("charged", charged).endObject().endObject().toString();
    }
}
