/**
 * Demand and consumption forecasts: additive Holt–Winters with an hour-of-week season, prediction
 * intervals, and slot capacity suggestions for pump stations. Plain Java domain code: must not import
 * Californium, MapDB, NanoHTTPD or any transport, storage or UI library.
 */
package io.fieldlink.host.prediction.forecast;
