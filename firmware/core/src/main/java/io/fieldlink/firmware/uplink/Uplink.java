package io.fieldlink.firmware.uplink;

/**
 * A board's link to its host, as the kernel and the app see it. Event-loop thread only.
 */
public interface Uplink {
    /** Sends hello and starts periodic reports. */
    void start();

    /** Stops every timer; records stay in the journal. */
    void stop();

    /** Sends unacknowledged records as soon as possible (an event worth reporting happened). */
    void reportNow();

    /** @param handler receives host commands (replaces any earlier one); null refuses all commands */
    void setCommandHandler(HostCommandHandler handler);

    /** @return true if the last exchange with the host succeeded */
    boolean hostReachable();

    /** @return the highest sequence number the host has acknowledged (0 if none) */
    long ackedSeq();
}
