/**
 * The CNG pump (dispenser) app: offline booking e-token checks, one-use memory across reboots,
 * metered dispensing that stops at exactly the booked grams, sales, and station telemetry.
 * {@link PumpApp} is the board app: it binds the engine to the kernel (HAL sensors and actuators,
 * journal, configuration, console) through {@link ActuatorValve}, {@link JournalStateCell},
 * {@link io.fieldlink.firmware.uplink.HalBackedCrypto} and {@link io.fieldlink.firmware.uplink.IssuerKeys}.
 *
 * <p>Portable (Java 7). Decision logic takes the time as an argument (epoch milliseconds) and
 * reaches hardware and storage only through the small interfaces here ({@link ValveOutput},
 * {@link PersistentCell}, {@link PumpEvents}) and checks tokens with the protocol's token verifier; only
 * the app binding classes above import the kernel, HAL, journal and console. It must not import the JVM binding, the simulator,
 * any transport, or anything outside the JDK allow-list. Masses are integer grams, money integer
 * milli-units, pressure integer millibar.
 */
package io.fieldlink.firmware.pump;
