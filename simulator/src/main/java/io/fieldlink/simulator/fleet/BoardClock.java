package io.fieldlink.simulator.fleet;

import io.fieldlink.firmware.hal.Clock;

/**
 * One board's clock on its shard's time (the time of the event being run): monotonic time counts from the board's (re)boot, the wall
 * clock is unknown until the host's hello answer sets it and is then kept as an offset (so a board
 * clock keeps its own error against the host's). A new one is made at every boot.
 */
final class BoardClock implements Clock {
    private final Shard fleet;
    private final long bootAt;
    private long wallOffset;
    private boolean wallKnown;

    BoardClock(Shard fleet) {
        this.fleet = fleet;
        this.bootAt = fleet.millis();
    }

    @Override
    public long monotonicMillis() {
        return fleet.millis() - bootAt;
    }

    @Override
    public boolean wallTimeKnown() {
        return wallKnown;
    }

    @Override
    public long wallMillis() {
        return monotonicMillis() + wallOffset;
    }

    @Override
    public void setWallMillis(long epochMillis) {
        wallOffset = epochMillis - monotonicMillis();
        wallKnown = true;
    }

    /** @return the fleet time at which monotonic time {@code monotonic} is reached */
    long fleetTimeOf(long monotonic) {
        return monotonic == Long.MAX_VALUE ? Long.MAX_VALUE : bootAt + monotonic;
    }
}
