package io.fieldlink.firmware.meter;

/**
 * Receives a meter's events (for the uplink, the console, the display). Called on the meter's
 * event loop, after the state change the event reports is committed. Must not call back into the
 * meter and should not block.
 */
public interface MeterEvents {

    /**
     * One event.
     *
     * @param kind what happened
     * @param atMillis when, epoch ms
     * @param value the kind's value (see {@link MeterEventKind})
     * @param reason a constant reason code, or null when the kind has none
     */
    void onMeterEvent(MeterEventKind kind, long atMillis, long value, String reason);
}
