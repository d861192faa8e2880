package io.fieldlink.simulator;

import io.fieldlink.simulator.fleet.FleetClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The fleet's time as a {@link java.time.Clock}, for a host running in the same process. */
final class FleetTimeSource extends Clock {
    private final FleetClock fleet;

    FleetTimeSource(FleetClock fleet) {
        this.fleet = fleet;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        return fleet.hostMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(fleet.hostMillis());
    }
}
