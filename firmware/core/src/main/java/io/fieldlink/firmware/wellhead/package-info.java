/**
 * The wellhead RTU app: Modbus sensor scan with per-channel fault handling, report-by-exception,
 * H/L/HH/LL alarms with hysteresis and debounce, the latched PSH/PSL shut-in and its authorised
 * reset, and gas-day production totals. {@link WellheadApp} is the board app: it binds the engine to
 * the kernel (journal, configuration, console, HAL outputs) through {@link ActuatorSafetyValve},
 * {@link LatchSnapshot} and {@link ResetAuthority} (console login and host-signed COSE resets).
 *
 * <p>Portable (Java 7). Decision logic takes the time as an argument (epoch milliseconds) and
 * reaches the field only through {@link io.fieldlink.firmware.wellhead.modbus.ModbusMaster},
 * {@link SafetyValve} and {@link WellheadEvents}; only the app binding classes above import the
 * kernel, HAL, journal, console and the uplink's key and crypto bindings. It must not import the JVM binding, the simulator,
 * any transport, or anything outside the JDK allow-list. Values are integers in each channel's
 * engineering unit (e.g. kPa, centi-degrees C, litres per day).
 */
package io.fieldlink.firmware.wellhead;
