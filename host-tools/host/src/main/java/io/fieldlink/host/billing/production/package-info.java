/**
 * Wellhead production books: daily oil, gas and water volumes (integer litres) per well, fed by the
 * wellheads' closed-gas-day totals ({@code daily_oil}, {@code daily_gas}, {@code daily_water}), and
 * per field (a group of wells). Domain code: no MapDB, NanoHTTPD or Californium imports.
 */
package io.fieldlink.host.billing.production;
