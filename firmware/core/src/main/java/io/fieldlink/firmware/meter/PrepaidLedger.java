package io.fieldlink.firmware.meter;

/**
 * The meter's money: every milli-unit that enters or leaves the balance goes through one of its
 * methods and is counted, so the identity
 *
 * <pre>
 *   creditIn + emergencyAdvanced − emergencyRepaid − energyCharged − fixedCharged = balance
 * </pre>
 *
 * holds after every operation, and {@link #isBalanced()} checks it (the balance is kept as its own
 * field, not derived). Energy is charged per Wh at a price per kWh; the sub-milli-unit part is
 * carried ({@link #subMilliCarry()}, in thousandths of a milli-unit), so over any run
 * {@code energyCharged * 1000 + subMilliCarry = Σ Wh·price} exactly: nothing is lost or created.
 *
 * <p>The balance may go negative (consumption during friendly credit is debt, recovered by the next
 * top-up). Emergency credit is a loan: {@link #advanceEmergency} adds it to the balance and records it
 * as owed; the next top-up repays what is owed first. Amounts are milli-units. Not thread-safe;
 * every method is allocation-free.
 */
public final class PrepaidLedger {

    /** Largest single amount accepted (one billion units), in milli-units. */
    public static final long MAX_AMOUNT = 1000000000000L;

    private long creditIn;
    private long energyCharged;
    private long fixedCharged;
    private long emergencyAdvanced;
    private long emergencyRepaid;
    private long balance;
    private long subMilliCarry;

    /**
     * Adds top-up credit; what is owed of emergency credit is repaid from it first.
     *
     * @return the part of {@code amount} that repaid emergency credit
     * @throws IllegalArgumentException if {@code amount} is not in 1..{@link #MAX_AMOUNT}
     */
    public long credit(long amount) {
        requireAmount(amount);
        long repay = Math.min(amount, emergencyOwed());
        creditIn += amount;
        emergencyRepaid += repay;
        balance += amount - repay;
        return repay;
    }

    /**
     * Lends emergency credit: the balance rises by {@code amount}, which is owed until repaid.
     *
     * @throws IllegalArgumentException if {@code amount} is not in 1..{@link #MAX_AMOUNT}
     */
    public void advanceEmergency(long amount) {
        requireAmount(amount);
        emergencyAdvanced += amount;
        balance += amount;
    }

    /**
     * Charges {@code wh} Wh at {@code pricePerKwh} milli-units per kWh, carrying the remainder.
     *
     * @return milli-units taken from the balance by this call
     * @throws IllegalArgumentException if an argument is negative or the price above {@link Tariff#MAX_PRICE}
     */
    public long chargeEnergy(long wh, long pricePerKwh) {
        if (wh < 0 || pricePerKwh < 0 || pricePerKwh > Tariff.MAX_PRICE || wh > MAX_AMOUNT) {
            throw new IllegalArgumentException("charge out of range: wh=" + wh + " price=" + pricePerKwh);
        }
        long thousandths = wh * pricePerKwh + subMilliCarry;
        long milli = thousandths / 1000;
        subMilliCarry = thousandths - milli * 1000;
        energyCharged += milli;
        balance -= milli;
        return milli;
    }

    /**
     * Charges a fixed amount (the daily standing charge).
     *
     * @throws IllegalArgumentException if {@code amount} is negative or above {@link #MAX_AMOUNT}
     */
    public void chargeFixed(long amount) {
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("fixed charge out of range: " + amount);
        }
        fixedCharged += amount;
        balance -= amount;
    }

    /** Whether the money identity holds. */
    public boolean isBalanced() {
        return creditIn + emergencyAdvanced - emergencyRepaid - energyCharged - fixedCharged == balance
                && emergencyRepaid <= emergencyAdvanced
                && subMilliCarry >= 0 && subMilliCarry < 1000;
    }

    /** Emergency credit lent and not yet repaid. */
    public long emergencyOwed() {
        return emergencyAdvanced - emergencyRepaid;
    }

    /** The balance, milli-units (negative while in debt). */
    public long balance() {
        return balance;
    }

    /** Total top-up credit redeemed. */
    public long creditIn() {
        return creditIn;
    }

    /** Total charged for energy. */
    public long energyCharged() {
        return energyCharged;
    }

    /** Total fixed charges. */
    public long fixedCharged() {
        return fixedCharged;
    }

    /** Total charges (energy and fixed). */
    public long charges() {
        return energyCharged + fixedCharged;
    }

    /** Total emergency credit lent. */
    public long emergencyAdvanced() {
        return emergencyAdvanced;
    }

    /** Total emergency credit repaid from top-ups. */
    public long emergencyRepaid() {
        return emergencyRepaid;
    }

    /** Carried energy charge in thousandths of a milli-unit (0..999). */
    public long subMilliCarry() {
        return subMilliCarry;
    }

    /**
     * Restores persisted counters.
     *
     * @throws IllegalArgumentException if they break the identity (a corrupt snapshot)
     */
    public void restore(long creditIn, long energyCharged, long fixedCharged, long emergencyAdvanced,
            long emergencyRepaid, long balance, long subMilliCarry) {
        PrepaidLedger probe = new PrepaidLedger();
        probe.set(creditIn, energyCharged, fixedCharged, emergencyAdvanced, emergencyRepaid, balance,
                subMilliCarry);
        if (!probe.isBalanced() || creditIn < 0 || energyCharged < 0 || fixedCharged < 0
                || emergencyRepaid < 0) {
            throw new IllegalArgumentException("ledger counters break the identity: " + probe);
        }
        set(creditIn, energyCharged, fixedCharged, emergencyAdvanced, emergencyRepaid, balance, subMilliCarry);
    }

    /** Copies another ledger's counters into this one. */
    public void copyFrom(PrepaidLedger o) {
        set(o.creditIn, o.energyCharged, o.fixedCharged, o.emergencyAdvanced, o.emergencyRepaid, o.balance,
                o.subMilliCarry);
    }

    private void set(long ci, long ec, long fc, long ea, long er, long b, long carry) {
        creditIn = ci;
        energyCharged = ec;
        fixedCharged = fc;
        emergencyAdvanced = ea;
        emergencyRepaid = er;
        balance = b;
        subMilliCarry = carry;
    }

    private static void requireAmount(long amount) {
        if (amount <= 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("amount out of range: " + amount);
        }
    }

    @Override
    public String toString() {
        return "PrepaidLedger[creditIn=" + creditIn + " emergencyAdvanced=" + emergencyAdvanced
                + " emergencyRepaid=" + emergencyRepaid + " energyCharged=" + energyCharged
                + " fixedCharged=" + fixedCharged + " balance=" + balance + " carry=" + subMilliCarry + "]";
    }
}
