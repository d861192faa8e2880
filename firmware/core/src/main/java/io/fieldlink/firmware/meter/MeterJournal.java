package io.fieldlink.firmware.meter;

import io.fieldlink.firmware.hal.Log;
import io.fieldlink.firmware.hal.LogLevel;
import io.fieldlink.firmware.journal.Journal;
import io.fieldlink.firmware.uplink.Uplink;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.record.TokenRedemption;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.token.VerdictReason;

/**
 * Writes a meter's events into the board journal as uplink records (see docs/protocol.md, "Meter
 * records"): a credit attempt becomes a {@link TokenRedemption}
 * (kind 3; reason code = the {@link VerdictReason} ordinal, 0 accepted); every other event a SenML
 * telemetry pack (kind 1) {@code [{n: <event name>, v: value}]}, plus {@code {n: <event>_reason,
 * vs: reason}} when the event has a reason; {@link #telemetry} writes the periodic
 * {@code balance}/{@code active_power}/{@code energy}/{@code charged} pack. All values are integers (milli-units, Wh, bits): no floating
 * point. Event-loop thread only; allocates only for the TokenRedemption record.
 *
 * <p>When a record goes up: events ask the uplink to report soon ({@link Uplink#reportNow()}), except
 * the routine {@code fixed_charge}; the periodic pack and {@code fixed_charge} wait for the uplink's
 * next scheduled report ({@code report_interval}) unless {@link #pushReadings(boolean)} is on, as
 * AMI and prepaid meters push interval data on a schedule and events at once. Either way a record
 * that waits is sent with the next report, event-triggered or scheduled, oldest first; and once
 * the journal is more than half full every record asks for a report (nothing is dropped for waiting).
 */
public final class MeterJournal implements MeterEvents {
    private static final String[] NAMES = {"booted", "credit", "emergency_taken", "emergency_repaid",
        "relay_opened", "relay_closed", "low_credit", "tamper", "tamper_cleared", "overload_trip",
        "tariff_changed", "tariff_scheduled", "fixed_charge"};

    private final Journal journal;
    private final Uplink uplink;
    private final Log log;
    private final BoardCreditTokens tokens;
    private final CborWriter w = new CborWriter(256);
    private long lost;
    private boolean pushReadings;

    /**
     * @param journal the board journal
     * @param uplink the board's uplink, or null
     * @param log the board log
     * @param tokens the token check (for the token id of a credit attempt)
     */
    public MeterJournal(Journal journal, Uplink uplink, Log log, BoardCreditTokens tokens) {
        this.journal = journal;
        this.uplink = uplink;
        this.log = log;
        this.tokens = tokens;
    }

    /** @return records not journaled because the journal was full */
    public long lostCount() {
        return lost;
    }

    /**
     * @param push true: every periodic pack asks the uplink to report soon, like an event; false
     *     (default): packs wait for the next report
     */
    public void pushReadings(boolean push) {
        pushReadings = push;
    }

    /** @return whether periodic packs ask the uplink to report soon */
    public boolean pushesReadings() {
        return pushReadings;
    }

    /** @param kind an event kind @return its record name, e.g. {@code relay_opened} */
    public static String nameOf(MeterEventKind kind) {
        return NAMES[kind.ordinal()];
    }

    @Override
    public void onMeterEvent(MeterEventKind kind, long atMillis, long value, String reason) {
        w.reset();
        if (kind == MeterEventKind.CREDIT) {
            VerdictReason r = VerdictReason.fromCode(reason);
            int code = r == null ? VerdictReason.MALFORMED.ordinal() : r.ordinal();
            new TokenRedemption(tokens.lastTokenId(), TokenRedemption.KIND_CREDIT, code, value).encode(w);
            append(UplinkRecord.TOKEN_REDEMPTION, atMillis, true);
            return;
        }
        String name = nameOf(kind);
        w.writeArrayHeader(reason == null ? 1 : 2);
        w.writeMapHeader(2).writeInt(0).writeText(name).writeInt(2).writeInt(value);
        if (reason != null) {
            w.writeMapHeader(2).writeInt(0).writeText(name + "_reason").writeInt(3).writeText(reason);
        }
        append(UplinkRecord.TELEMETRY, atMillis, pushReadings || kind != MeterEventKind.FIXED_CHARGE);
    }

    /**
     * Journals the periodic pack {@code [{n: balance, v: milli-units}, {n: energy, u: Wh, v: Wh}]}.
     *
     * @param atMillis epoch ms
     * @param balance the balance, milli-units
     * @param energyWh the energy register, Wh
     */
    public void telemetry(long atMillis, long balance, long energyWh) {
        telemetry(atMillis, balance, energyWh, -1);
    }

    /**
     * Journals the periodic pack, with {@code {n: charged, v: milli-units}} appended when
     * {@code chargedMilli} is not negative: everything charged since the meter was new (energy and
     * fixed charges), so the host can book consumption and check redeemed − charged = balance.
     *
     * @param chargedMilli total charges so far, milli-units, or -1 to leave it out
     */
    public void telemetry(long atMillis, long balance, long energyWh, long chargedMilli) {
        telemetry(atMillis, balance, energyWh, chargedMilli, false, 0);
    }

    /**
     * Journals the periodic pack with {@code {n: active_power, u: W, v: W}} (the mean active power
     * since the previous pack) before {@code energy}, so the host's theft/bypass check sees the load
     * of the window that the energy reading closes.
     *
     * @param activePowerW mean active power over the interval, whole watts (negative when exporting)
     */
    public void telemetry(long atMillis, long balance, long energyWh, long chargedMilli, long activePowerW) {
        telemetry(atMillis, balance, energyWh, chargedMilli, true, activePowerW);
    }

    private void telemetry(long atMillis, long balance, long energyWh, long chargedMilli, boolean power,
            long activePowerW) {
        w.reset();
        w.writeArrayHeader((chargedMilli < 0 ? 2 : 3) + (power ? 1 : 0));
        w.writeMapHeader(2).writeInt(0).writeText("balance").writeInt(2).writeInt(balance);
        if (power) {
            w.writeMapHeader(3).writeInt(0).writeText("active_power").writeInt(1).writeText("W").writeInt(2)
                    .writeInt(activePowerW);
        }
        w.writeMapHeader(3).writeInt(0).writeText("energy").writeInt(1).writeText("Wh").writeInt(2).writeInt(energyWh);
        if (chargedMilli >= 0) {
            w.writeMapHeader(2).writeInt(0).writeText("charged").writeInt(2).writeInt(chargedMilli);
        }
        append(UplinkRecord.TELEMETRY, atMillis, pushReadings);
    }

    private void append(int type, long atMillis, boolean soon) {
        if (journal.append(type, atMillis, w.buffer(), 0, w.size()) < 0) {
            lost++;
            log.log(LogLevel.WARN, "meter", "journal full: record dropped (" + lost + " so far)");
            return;
        }
        if (uplink != null && (soon || journal.usedBytes() > journal.capacityBytes() / 2)) {
            uplink.reportNow();
        }
    }
}
