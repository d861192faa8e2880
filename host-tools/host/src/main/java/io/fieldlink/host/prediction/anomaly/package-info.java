/**
 * Anomaly detection on device channels: robust detectors (median/MAD, EWMA) run on every sensor
 * channel, and field patterns (meter theft or bypass and reverse energy, pump storage leak, well leak
 * or blockage). Each detector turns into {@link io.fieldlink.host.prediction.anomaly.Finding}s with
 * their evidence. Plain Java domain code: must not import Californium, MapDB, NanoHTTPD or any
 * transport, storage or UI library.
 */
package io.fieldlink.host.prediction.anomaly;
