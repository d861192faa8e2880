package io.fieldlink.firmware.meter;

import java.util.ArrayList;
import java.util.List;

/** Records meter events for assertions. */
final class RecordedEvents implements MeterEvents {

    record Event(MeterEventKind kind, long at, long value, String reason) {
    }

    final List<Event> all = new ArrayList<>();

    @Override
    public void onMeterEvent(MeterEventKind kind, long atMillis, long value, String reason) {
        all.add(new Event(kind, atMillis, value, reason));
    }

    List<Event> of(MeterEventKind kind) {
        return all.stream().filter(e -> e.kind() == kind).toList();
    }

    Event last() {
        return all.get(all.size() - 1);
    }
}
