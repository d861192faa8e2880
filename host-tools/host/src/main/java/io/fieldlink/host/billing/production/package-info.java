/**
 * Wellhead production books: daily oil, gas and water volumes (integer litres) per well, fed by the
 * wells' volume readings, and per field (a group of wells). Domain code: no MapDB, NanoHTTPD or
 * Californium imports.
 */
package io.fieldlink.host.billing.production;
