package io.fieldlink.host;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that tests move by hand; safe to read from the host's threads. */
public final class HandClock extends Clock {
    private volatile long millis;

    public HandClock(long millis) {
        this.millis = millis;
    }

    /** Moves the clock forward by {@code ms}. */
    public void advance(long ms) {
        millis += ms;
    }

    /** Sets the clock to {@code millis} since the epoch. */
    public void set(long millis) {
        this.millis = millis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
