package io.fieldlink.host.billing.accounts;

import io.fieldlink.host.billing.Doc;
import io.fieldlink.host.billing.Keys;
import io.fieldlink.host.billing.MoneyBook;
import io.fieldlink.host.billing.tariff.Tariffs;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.json.JsonException;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.ledger.LedgerEntry;
import io.fieldlink.host.ledger.MoneyEventKind;
import java.util.function.Predicate;
import org.tinylog.Logger;

/**
 * Books each newly stored meter record into the meter's account, inside the record's own commit:
 * <ul>
 * <li>an accepted credit redemption ({@code token-redemption}, kind credit) → the ledger's
 * {@code CREDIT_REDEEMED} (key {@code redeem:<meter>:<seq>}), the account's redeemed total, and the
 * top-up it redeemed marked redeemed;</li>
 * <li>{@code emergency_taken}, {@code emergency_repaid}, {@code fixed_charge} readings → the account;</li>
 * <li>the periodic pack ({@code balance}, {@code energy}, {@code charged}), when newer than the last
 * one: energy and cost since the previous pack into the band in force; and when it is the first pack
 * of a later UTC day, the consumption of the meter's open day — everything it charged up to its last
 * pack of that day less what is already booked — to the ledger as {@code CONSUMPTION_CHARGED}
 * (key {@code charge:<meter>:<yyyy-mm-dd>}, negative amount).</li>
 * </ul>
 * A day is booked once: a pack stamped before the open day (the meter's clock went back) counts in the
 * open day. Ledger keys come from the device and seq (or the meter and day), so a record re-sent after a crash
 * between the ledger append and the commit finds its entry and the books adopt it ({@link MoneyBook}).
 * Committer thread only. Records it cannot read are logged and skipped (never failing the commit).
 */
public final class AccountProjection implements StoredUplinkListener {
    private final AccountBooks books;
    private final MoneyBook money;
    private final Tariffs tariffs;
    private final Predicate<String> isMeter;

    /**
     * @param isMeter whether a device id is a provisioned meter
     */
    public AccountProjection(AccountBooks books, MoneyBook money, Tariffs tariffs, Predicate<String> isMeter) {
        this.books = books;
        this.money = money;
        this.tariffs = tariffs;
        this.isMeter = isMeter;
    }

    @Override
    public void stored(Uplink u) {
        if (u.seq() < 0 || !isMeter.test(u.device())) {
            return;
        }
        String meter = u.device();
        AccountState before = books.storedForUpdate(meter);
        AccountState s = before == null ? new AccountState() : before.copy();
        int n = 0;
        for (Event e : u.events()) {
            if (e.type().equals("token-redemption")) {
                redemption(meter, u.seq(), n++, e, s);
            }
        }
        Long balance = null;
        Long energy = null;
        Long charged = null;
        long packTime = 0;
        for (Reading r : u.readings()) {
            long v = Math.round(r.value());
            switch (r.channel()) {
                case "emergency_taken" -> {
                    books.addEvent(meter, u.seq(), n++, "emergency_taken", v, r.timeMillis(), -1);
                    s.emergencyTaken += v;
                }
                case "emergency_repaid" -> {
                    books.addEvent(meter, u.seq(), n++, "emergency_repaid", v, r.timeMillis(), -1);
                    s.emergencyRepaid += v;
                }
                case "fixed_charge" -> {
                    books.addEvent(meter, u.seq(), n++, "fixed_charge", v, r.timeMillis(), -1);
                    s.fixedCharged += v;
                }
                case "balance" -> {
                    balance = v;
                    packTime = r.timeMillis();
                }
                case "energy" -> energy = v;
                case "charged" -> charged = v;
                default -> {
                }
            }
        }
        if (balance != null && energy != null && u.seq() > s.packSeq) {
            pack(meter, u.seq(), packTime, balance, energy, charged == null ? -1 : charged, s);
        }
        // most uplinks change nothing booked (telemetry without a pack): their account is not rewritten
        books.saveIfChanged(meter, s, before);
    }

    private void redemption(String meter, long seq, int n, Event e, AccountState s) {
        Doc d;
        try {
            d = Doc.parse(e.body());
        } catch (JsonException | ArithmeticException ex) {
            Logger.warn("account {}: unreadable redemption at seq {}: {}", meter, seq, ex.getMessage());
            return;
        }
        long amount = d.num("amount", 0);
        if (!"credit".equals(d.text("kind", "")) || !d.bool("accepted", false) || amount <= 0) {
            return;
        }
        long tokenId = d.num("tokenId", -1);
        LedgerEntry booked = money.record(MoneyEventKind.CREDIT_REDEEMED, "redeem:" + meter + ":" + seq, meter, amount,
                e.timeMillis(), new JsonWriter().beginObject().field("meter", meter).field("seq", seq)
                        .field("tokenId", tokenId).field("amount", amount).endObject());
        amount = booked.amountMilli();
        books.addEvent(meter, seq, n, "redeem", amount, e.timeMillis(), tokenId);
        s.redeemed += amount;
        s.highestToken = Math.max(s.highestToken, tokenId);
        books.topUp(meter, tokenId).ifPresent(t -> books.put(t.with(
                t.status().equals("voided") ? "voided-but-redeemed" : "redeemed", seq, t.commandId(), t.replacedBy())));
    }

    private void pack(String meter, long seq, long time, long balance, long energy, long charged, AccountState s) {
        if (s.packSeq >= 0 && charged >= 0 && s.charged >= 0) {
            long fixed = books.fixedChargesBetween(meter, s.packSeq + 1, seq);
            books.addBandUsage(meter, Keys.day(time), tariffs.bandAt(meter, time).label(), energy - s.energyWh,
                    charged - s.charged - fixed);
        }
        long day = Math.max(Keys.day(time), s.openDay);
        if (s.openDay >= 0 && day > s.openDay && s.charged >= 0) {
            closeDay(meter, s);
        }
        s.openDay = day;
        s.packSeq = seq;
        s.packTime = time;
        s.balance = balance;
        s.energyWh = energy;
        s.charged = charged;
    }

    private void closeDay(String meter, AccountState s) {
        long amount = s.charged - s.ledgerCharged;
        String day = Keys.isoDay(s.openDay);
        String key = "charge:" + meter + ":" + day;
        if (amount == 0 && !money.has(key)) {
            return;
        }
        LedgerEntry booked = money.record(MoneyEventKind.CONSUMPTION_CHARGED, key, meter, -amount,
                Keys.dayStart(s.openDay + 1) - 1, new JsonWriter().beginObject().field("meter", meter)
                        .field("day", day).field("chargedTotal", s.charged).endObject());
        long charge = -booked.amountMilli();
        s.ledgerCharged += charge;
        books.dailyCharges.put(Keys.of(meter, s.openDay), new JsonWriter().beginObject().field("amount", charge)
                .field("key", key).endObject().toString());
    }
}
