/**
 * Anomaly detection on device channels: robust detectors (median/MAD). Plain Java domain code: must
 * not import Californium, MapDB, NanoHTTPD or any transport, storage or UI library.
 */
package io.fieldlink.host.prediction.anomaly;
