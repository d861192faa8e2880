package io.fieldlink.firmware.wellhead;

/**
 * Journal record types of the wellhead and the layout of their CBOR payloads. The record's journal
 * time is the occurrence time; its sequence number is the journal's. Every payload is a CBOR map with
 * small unsigned keys:
 * <ul>
 * <li>{@link #REPORT}: {@code {0: channel, 1: value}}</li>
 * <li>{@link #ALARM}: {@code {0: channel, 1: value, 2: level (AlarmLevel ordinal: HH 0, H 1, L 2, LL 3), 3: active}}</li>
 * <li>{@link #FAULT}: {@code {0: channel, 3: faulty, 4: ModbusStatus ordinal (OK 0, TIMEOUT 1, CRC_ERROR 2, EXCEPTION 3)}}</li>
 * <li>{@link #SHUT_IN}: {@code {1: pressure, 5: cause (PSH 0, PSL 1, RESTORED 2)}}</li>
 * <li>{@link #RESET}: {@code {6: outcome (ResetOutcome ordinal), 7: source (CONSOLE 0, HOST 1), 8: principal}}</li>
 * <li>{@link #DAILY} (journal time = the day's end): {@code {9: day start ms, 10: oil L, 11: gas L, 12: water L, 13: unmeasured ms}}</li>
 * </ul>
 * These belong with the protocol's uplink record definitions once those exist.
 */
public final class WellheadRecords {
    /** A report-by-exception value. */
    public static final int REPORT = 0x40;
    /** An analog alarm raised or cleared. */
    public static final int ALARM = 0x41;
    /** A channel became faulty or healthy. */
    public static final int FAULT = 0x42;
    /** The well was shut in. */
    public static final int SHUT_IN = 0x43;
    /** A shut-in reset request and its outcome. */
    public static final int RESET = 0x44;
    /** A closed gas day's production. */
    public static final int DAILY = 0x45;

    static final int K_CHANNEL = 0;
    static final int K_VALUE = 1;
    static final int K_LEVEL = 2;
    static final int K_ACTIVE = 3;
    static final int K_STATUS = 4;
    static final int K_CAUSE = 5;
    static final int K_OUTCOME = 6;
    static final int K_SOURCE = 7;
    static final int K_PRINCIPAL = 8;
    static final int K_DAY_START = 9;
    static final int K_OIL = 10;
    static final int K_GAS = 11;
    static final int K_WATER = 12;
    static final int K_UNMEASURED = 13;

    private WellheadRecords() {
    }
}
