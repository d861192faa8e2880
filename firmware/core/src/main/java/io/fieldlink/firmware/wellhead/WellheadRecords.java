package io.fieldlink.firmware.wellhead;

import io.fieldlink.protocol.record.UplinkRecord;

/**
 * Journal record types of the wellhead: the protocol's uplink record kinds
 * ({@link UplinkRecord}), so the uplink forwards each journal record unchanged (journal type = kind,
 * payload = body) and the host decodes it (docs/protocol.md, "Wellhead records"). The record's
 * journal time is the occurrence time (store-and-forward keeps it); values are numbers in the
 * channel's board unit (the wellhead's milli-units / 1000, an integer when exact):
 * <ul>
 * <li>{@link #TELEMETRY}, SenML without times:
 * a report-by-exception value {@code [{0: channel, 1: unit, 2: value}]};
 * a channel fault or recovery {@code [{0: "<channel>_fault", 3: "timeout" | "crc-error" | "exception" | "ok"}]};
 * a refused shut-in reset {@code [{0: "shutin_reset", 3: "not-latched" | "unauthorised" | "condition-present"},
 * {0: "shutin_reset_by", 3: principal}]};
 * a closed gas day (journal time = the day's end) {@code [{0: "daily_oil", 1: "L", 2: litres},
 * {0: "daily_gas", 1: "L", 2: litres}, {0: "daily_water", 1: "L", 2: litres}, {0: "daily_unmeasured", 1: "s", 2: s}]}</li>
 * <li>{@link #ALARM}: {@link io.fieldlink.protocol.record.Alarm} (channel name, H/L/HH/LL, value, raised)</li>
 * <li>{@link #SHUT_IN}: {@link io.fieldlink.protocol.record.ShutIn}, latched (cause PSH/PSL, tripping
 * pressure in kPa) or reset (the same cause and pressure, and who reset it)</li>
 * </ul>
 */
public final class WellheadRecords {
    /** Readings, faults, refused resets and daily totals: uplink kind telemetry (SenML). */
    public static final int TELEMETRY = UplinkRecord.TELEMETRY;
    /** An analog alarm raised or cleared: uplink kind alarm. */
    public static final int ALARM = UplinkRecord.ALARM;
    /** A shut-in latched or reset: uplink kind shut-in. */
    public static final int SHUT_IN = UplinkRecord.SHUT_IN;

    private WellheadRecords() {
    }
}
