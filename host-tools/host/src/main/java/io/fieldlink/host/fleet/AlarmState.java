package io.fieldlink.host.fleet;

/**
 * Whether one alarm of a device is raised, and since when; a change older than {@code since}
 * (a backfilled record) does not override a newer one.
 *
 * @param active raised (true) or cleared (false)
 * @param since epoch milliseconds of the event that set this state
 */
public record AlarmState(boolean active, long since) {
}
