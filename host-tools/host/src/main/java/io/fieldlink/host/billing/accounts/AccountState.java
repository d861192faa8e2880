package io.fieldlink.host.billing.accounts;

import io.fieldlink.host.billing.Doc;
import io.fieldlink.host.json.JsonWriter;

/**
 * One meter's running books (table {@code accounts}). Totals are over every record the host has
 * stored; the pack fields are the newest (by seq) balance/energy/charged pack. Mutable; owned by the
 * committer thread while it changes.
 */
public final class AccountState {
    /** Credit the meter reported redeemed (accepted credit tokens and pushes), milli-units. */
    public long redeemed;
    /** Emergency credit lent, milli-units. */
    public long emergencyTaken;
    /** Emergency credit repaid from top-ups, milli-units. */
    public long emergencyRepaid;
    /** Fixed (daily standing) charges reported, milli-units. */
    public long fixedCharged;
    /** Highest credit token id the meter reported redeemed, -1 for none. */
    public long highestToken = -1;
    /** Seq of the newest pack, -1 before the first. */
    public long packSeq = -1;
    /** Its time, epoch ms. */
    public long packTime;
    /** The balance it reported, milli-units. */
    public long balance;
    /** Everything charged so far as it reported, milli-units, -1 when the meter does not report it. */
    public long charged = -1;
    /** Its energy register, Wh. */
    public long energyWh;
    /** Consumption booked to the ledger so far (closed days), milli-units. */
    public long ledgerCharged;
    /** The UTC day the newest pack is in and whose charge is not yet booked, -1 for none. */
    public long openDay = -1;

    static AccountState parse(String json) {
        AccountState s = new AccountState();
        if (json == null) {
            return s;
        }
        Doc d = Doc.parse(json);
        s.redeemed = d.num("redeemed", 0);
        s.emergencyTaken = d.num("emergencyTaken", 0);
        s.emergencyRepaid = d.num("emergencyRepaid", 0);
        s.fixedCharged = d.num("fixedCharged", 0);
        s.highestToken = d.num("highestToken", -1);
        s.packSeq = d.num("packSeq", -1);
        s.packTime = d.num("packTime", 0);
        s.balance = d.num("balance", 0);
        s.charged = d.num("charged", -1);
        s.energyWh = d.num("energyWh", 0);
        s.ledgerCharged = d.num("ledgerCharged", 0);
        s.openDay = d.num("openDay", -1);
        return s;
    }

    String json() {
        return new JsonWriter().beginObject().field("redeemed", redeemed).field("emergencyTaken", emergencyTaken)
                .field("emergencyRepaid", emergencyRepaid).field("fixedCharged", fixedCharged)
                .field("highestToken", highestToken).field("packSeq", packSeq).field("packTime", packTime)
                .field("balance", balance).field("charged", charged).field("energyWh", energyWh)
                .field("ledgerCharged", ledgerCharged).field("openDay", openDay).endObject().toString();
    }

    /** @return a copy that changes independently of this one */
    AccountState copy() {
        AccountState c = new AccountState();
        c.redeemed = redeemed;
        c.emergencyTaken = emergencyTaken;
        c.emergencyRepaid = emergencyRepaid;
        c.fixedCharged = fixedCharged;
        c.highestToken = highestToken;
        c.packSeq = packSeq;
        c.packTime = packTime;
        c.balance = balance;
        c.charged = charged;
        c.energyWh = energyWh;
        c.ledgerCharged = ledgerCharged;
        c.openDay = openDay;
        return c;
    }

    /** @return true when every field equals {@code o}'s (what {@link #json} writes is then the same) */
    boolean sameAs(AccountState o) {
        return redeemed == o.redeemed && emergencyTaken == o.emergencyTaken && emergencyRepaid == o.emergencyRepaid
                && fixedCharged == o.fixedCharged && highestToken == o.highestToken && packSeq == o.packSeq
                && packTime == o.packTime && balance == o.balance && charged == o.charged && energyWh == o.energyWh
                && ledgerCharged == o.ledgerCharged && openDay == o.openDay;
    }

    /** @return emergency credit lent and not yet repaid */
    public long emergencyOwed() {
        return emergencyTaken - emergencyRepaid;
    }
}
