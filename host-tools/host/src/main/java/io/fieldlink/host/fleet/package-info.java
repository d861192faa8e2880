/**
 * The fleet at a glance: each device's latest value per channel and its active alarms
 * ({@link io.fieldlink.host.fleet.FleetView}, a projection told of every newly stored uplink), and
 * the live feed that hands stored uplinks to watchers off the committer thread
 * ({@link io.fieldlink.host.fleet.LiveFeed}). Plain Java: imports no transport, storage or UI library;
 * persistence goes through {@link io.fieldlink.host.fleet.FleetViewStore}.
 */
package io.fieldlink.host.fleet;
