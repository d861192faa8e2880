/**
 * Predictions from stored readings: the read-only {@link io.fieldlink.host.prediction.SeriesSource}
 * they draw on and the hourly/daily series built from it; sub-packages hold runway, forecasts,
 * decline curves and anomaly detection. Plain Java domain code: must not import Californium, MapDB,
 * NanoHTTPD or any transport, storage or UI library.
 */
package io.fieldlink.host.prediction;
