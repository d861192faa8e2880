/**
 * The CNG pump (dispenser) app: offline booking e-token checks, one-use memory across reboots,
 * metered dispensing that stops at exactly the booked grams, sales, and station telemetry.
 *
 * <p>Portable (Java 7). Decision logic takes the time as an argument (epoch milliseconds) and
 * reaches hardware and storage only through the small interfaces here ({@link ValveOutput},
 * {@link PersistentCell}, {@link PumpEvents}) and checks tokens with the protocol's token verifier; it
 * must not import the JVM binding, the simulator,
 * any transport, or anything outside the JDK allow-list. Masses are integer grams, money integer
 * milli-units, pressure integer millibar.
 */
package io.fieldlink.firmware.pump;
