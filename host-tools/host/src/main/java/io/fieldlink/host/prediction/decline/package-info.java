/**
 * Decline-curve analysis of wells (Arps): exponential, hyperbolic, harmonic and modified hyperbolic
 * curves, non-linear least-squares fits (Apache Commons Math Levenberg–Marquardt), model choice,
 * P10/P50/P90 forecasts by residual bootstrap and EUR to an economic limit. Rates are per day, time in
 * days from the first observation. Plain Java domain code: must not import Californium, MapDB,
 * NanoHTTPD or any transport, storage or UI library.
 */
package io.fieldlink.host.prediction.decline;
