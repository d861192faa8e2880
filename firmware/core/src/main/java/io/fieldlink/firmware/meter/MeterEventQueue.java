package io.fieldlink.firmware.meter;

/**
 * Holds a meter's events until the state change they report is committed, then hands them to the
 * {@link MeterEvents} sink in order. Fixed capacity, allocation-free.
 */
final class MeterEventQueue {

    private static final int CAPACITY = 32;

    private final MeterEvents sink;
    private final MeterEventKind[] kinds = new MeterEventKind[CAPACITY];
    private final long[] times = new long[CAPACITY];
    private final long[] values = new long[CAPACITY];
    private final String[] reasons = new String[CAPACITY];
    private int count;

    MeterEventQueue(MeterEvents sink) {
        this.sink = sink;
    }

    void add(MeterEventKind kind, long at, long value, String reason) {
        if (count == CAPACITY) {
            throw new IllegalStateException("more than " + CAPACITY + " meter events in one step");
        }
        kinds[count] = kind;
        times[count] = at;
        values[count] = value;
        reasons[count] = reason;
        count++;
    }

    void flush() {
        for (int i = 0; i < count; i++) {
            sink.onMeterEvent(kinds[i], times[i], values[i], reasons[i]);
            kinds[i] = null;
            reasons[i] = null;
        }
        count = 0;
    }

    void clear() {
        for (int i = 0; i < count; i++) {
            kinds[i] = null;
            reasons[i] = null;
        }
        count = 0;
    }
}
