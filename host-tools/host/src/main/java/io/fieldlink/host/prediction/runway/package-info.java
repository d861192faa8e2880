/**
 * Balance runway of a prepaid meter: days of credit left from recent daily spend (recent days
 * weighted more), and reminder thresholds. Money is integer milli-units; no floating point touches
 * money. Plain Java domain code: must not import Californium, MapDB, NanoHTTPD or any transport,
 * storage or UI library.
 */
package io.fieldlink.host.prediction.runway;
