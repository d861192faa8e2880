package io.fieldlink.firmware.pump;

import io.fieldlink.protocol.record.UplinkRecord;

/**
 * Journal record types of the pump: the protocol's uplink record kinds
 * ({@link io.fieldlink.protocol.record.UplinkRecord}), so the uplink forwards each journal record
 * unchanged (journal type = kind, payload = body) and the host decodes it. The record's journal time
 * is when it happened:
 * <ul>
 * <li>{@link #SALE} (time = end of fill): {@link io.fieldlink.protocol.record.Sale} (token id 0 for
 * a walk-in)</li>
 * <li>{@link #VERDICT}: {@link io.fieldlink.protocol.record.TokenRedemption}, booking kind, reason =
 * {@link BookingReason} ordinal (the protocol's verdict reasons, then 10 pump-busy), amount = booked
 * grams when accepted, else 0</li>
 * <li>{@link #UNAUTHORISED_FLOW}: telemetry, SenML {@code [{0: "unauthorised_flow", 2: pulses}]}</li>
 * <li>{@link #STORAGE_LOW}: {@link io.fieldlink.protocol.record.Alarm} on {@code storage_pressure},
 * level L, value in bar, raised or cleared</li>
 * <li>{@link #STATION}: telemetry, the periodic station report (storage pressure, dispensing state,
 * the day's totals so far) and, at each business day's end, the closed day's totals (see
 * {@link JournalledPumpEvents#station} and {@link JournalledPumpEvents#dayClosed})</li>
 * </ul>
 */
public final class PumpRecords {
    /** A finished fill: uplink kind sale. */
    public static final int SALE = UplinkRecord.SALE;
    /** A scanned booking's verdict: uplink kind token redemption. */
    public static final int VERDICT = UplinkRecord.TOKEN_REDEMPTION;
    /** Meter pulses with no fill authorised: uplink kind telemetry. */
    public static final int UNAUTHORISED_FLOW = UplinkRecord.TELEMETRY;
    /** Station telemetry and daily totals: uplink kind telemetry. */
    public static final int STATION = UplinkRecord.TELEMETRY;
    /** Storage-low alarm raised or cleared: uplink kind alarm. */
    public static final int STORAGE_LOW = UplinkRecord.ALARM;

    private PumpRecords() {
    }
}
