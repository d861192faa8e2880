package io.fieldlink.host.billing;

import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Uplink;
import java.util.ArrayList;
import java.util.List;

/**
 * A prepaid meter's money as the firmware keeps it (the same arithmetic as the firmware's
 * PrepaidLedger: per-Wh charging with a sub-milli carry, daily fixed charge, emergency credit repaid
 * first from the next top-up, a 64-id token window), writing the records the firmware writes into a
 * journal that stays until the host acknowledges them.
 */
final class SimMeter {
    static final long FIXED_CHARGE = 2_000;
    static final long EMERGENCY = 5_000;
    static final long EMERGENCY_THRESHOLD = 1_000;

    final String id;
    final List<Uplink> journal = new ArrayList<>();
    long seq = 1;
    long balance;
    long creditIn;
    long charged;
    long carry;
    long energyWh;
    long emergencyTaken;
    long emergencyRepaid;
    long highest = -1;
    final List<Long> used = new ArrayList<>();
    long lastDay = -1;
    int redemptions;

    SimMeter(String id) {
        this.id = id;
    }

    /** Price in milli-units per kWh: night 00-07 cheaper. */
    static long price(long t) {
        long hour = Math.floorMod(t, 86_400_000L) / 3_600_000L;
        return hour < 7 ? 90_000 : 150_000;
    }

    private void record(long t, List<Reading> readings, List<Event> events) {
        journal.add(new Uplink(id, seq++, readings, events, t));
    }

    /** One hour of use ending at {@code t}: charge it, take the day's fixed charge, maybe emergency, report. */
    void hour(long t, long wh) {
        long day = Math.floorDiv(t, 86_400_000L);
        if (lastDay >= 0 && day > lastDay) {
            charged += FIXED_CHARGE;
            balance -= FIXED_CHARGE;
            record(t, List.of(new Reading("fixed_charge", t, FIXED_CHARGE)), List.of());
        }
        lastDay = day;
        long thousandths = wh * price(t) + carry;
        long milli = thousandths / 1000;
        carry = thousandths - milli * 1000;
        charged += milli;
        balance -= milli;
        energyWh += wh;
        if (balance < EMERGENCY_THRESHOLD && emergencyTaken == emergencyRepaid) {
            emergencyTaken += EMERGENCY;
            balance += EMERGENCY;
            record(t, List.of(new Reading("emergency_taken", t, EMERGENCY)), List.of());
        }
        record(t, List.of(new Reading("balance", t, balance), new Reading("energy", t, energyWh),
                new Reading("charged", t, charged)), List.of());
    }

    /** Types in a credit token; @return whether it was accepted. */
    boolean redeem(long tokenId, long amount, long t) {
        boolean fresh = tokenId >= 0 && !used.contains(tokenId) && highest - tokenId <= 64;
        String body = "{\"tokenId\":" + tokenId + ",\"kind\":\"credit\",\"reason\":" + (fresh ? 0 : 8)
                + ",\"accepted\":" + fresh + ",\"amount\":" + (fresh ? amount : 0) + "}";
        record(t, List.of(), List.of(new Event("token-redemption", t, body)));
        if (!fresh) {
            return false;
        }
        used.add(tokenId);
        highest = Math.max(highest, tokenId);
        long repay = Math.min(amount, emergencyTaken - emergencyRepaid);
        creditIn += amount;
        emergencyRepaid += repay;
        balance += amount - repay;
        redemptions++;
        if (repay > 0) {
            record(t, List.of(new Reading("emergency_repaid", t, repay)), List.of());
        }
        return true;
    }

    /** The firmware's identity. */
    boolean balanced() {
        return creditIn + emergencyTaken - emergencyRepaid - charged == balance;
    }
}
