/**
 * The prepaid electricity meter: energy integration, the prepaid ledger, time-of-use tariffs,
 * credit tokens, emergency and friendly credit, the relay rules, tamper, and the power-fail-safe
 * snapshot of all of it; and {@link io.fieldlink.firmware.meter.MeterApp}, the engine as a board app
 * (channels, relay, journal records, console and host commands).
 *
 * <p>Units everywhere: time in epoch milliseconds (UTC; local time through a configured offset),
 * money in integer milli-units of the currency, energy in integer Wh, power in mW, prices in
 * milli-units per kWh. No floating point touches money or energy.
 *
 * <p>Portable (Java 7): imports only the JDK allow-list, {@code io.fieldlink.firmware.journal}
 * (its snapshot), {@code io.fieldlink.firmware.hal}, {@code io.fieldlink.firmware.kernel},
 * {@code io.fieldlink.firmware.console}, {@code io.fieldlink.firmware.uplink} (interfaces only) and
 * the protocol module; never a transport, storage, UI or crypto library. A steady-state sample cycle
 * allocates nothing. Not thread-safe: one event loop drives a meter.
 */
package io.fieldlink.firmware.meter;
