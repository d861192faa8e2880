package io.fieldlink.firmware.meter;

/**
 * Holds a meter's events until the state change they report is committed, then hands them to the
 * {@link MeterEvents} sink in order. At most {@value #CAPACITY} events per step; the room grows (by
 * doubling from {@value #FIRST_ROOM}) to the busiest step seen, then adding is allocation-free.
 */
final class MeterEventQueue {

    private static final int CAPACITY = 32;
    private static final int FIRST_ROOM = 4;

    private final MeterEvents sink;
    private MeterEventKind[] kinds = new MeterEventKind[FIRST_ROOM];
    private long[] times = new long[FIRST_ROOM];
    private long[] values = new long[FIRST_ROOM];
    private String[] reasons = new String[FIRST_ROOM];
    private int count;

    MeterEventQueue(MeterEvents sink) {
        this.sink = sink;
    }

    void add(MeterEventKind kind, long at, long value, String reason) {
        if (count == CAPACITY) {
            throw new IllegalStateException("more than " + CAPACITY + " meter events in one step");
        }
        if (count == kinds.length) {
            grow();
        }
        kinds[count] = kind;
        times[count] = at;
        values[count] = value;
        reasons[count] = reason;
        count++;
    }

    private void grow() {
        int n = Math.min(CAPACITY, kinds.length * 2);
        MeterEventKind[] k = new MeterEventKind[n];
        long[] t = new long[n];
        long[] v = new long[n];
        String[] r = new String[n];
        System.arraycopy(kinds, 0, k, 0, count);
        System.arraycopy(times, 0, t, 0, count);
        System.arraycopy(values, 0, v, 0, count);
        System.arraycopy(reasons, 0, r, 0, count);
        kinds = k;
        times = t;
        values = v;
        reasons = r;
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
