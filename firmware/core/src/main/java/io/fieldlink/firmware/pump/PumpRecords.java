package io.fieldlink.firmware.pump;

/**
 * Journal record types of the pump and the layout of their CBOR payloads (maps with small unsigned
 * keys); the record's journal time is when it happened:
 * <ul>
 * <li>{@link #SALE} (time = end of fill): {@code {0: booking id or -1, 1: pump, 2: grams, 3: price milli/kg,
 * 4: amount milli, 5: start ms, 6: stop reason (StopReason ordinal)}}</li>
 * <li>{@link #VERDICT}: {@code {0: booking id or -1, 7: reason code text, 8: detail text}}</li>
 * <li>{@link #UNAUTHORISED_FLOW}: {@code {9: pulses}}</li>
 * <li>{@link #STORAGE_LOW}: {@code {10: active, 11: pressure mbar}}</li>
 * </ul>
 * These belong with the protocol's uplink record definitions once those exist.
 */
public final class PumpRecords {
    /** A finished fill. */
    public static final int SALE = 0x20;
    /** A scanned booking's verdict. */
    public static final int VERDICT = 0x21;
    /** Meter pulses with no fill authorised. */
    public static final int UNAUTHORISED_FLOW = 0x22;
    /** Storage-low alarm raised or cleared. */
    public static final int STORAGE_LOW = 0x23;

    private PumpRecords() {
    }
}
