/**
 * CNG stations: pump bookings (a signed booking token per slot, expiring at the slot end plus a
 * grace), which pump boards belong to which station, the station sales books fed by the pumps' sale
 * records (each sale booked to the ledger once, keyed by device and seq) and daily revenue. Domain
 * code: no MapDB, NanoHTTPD or Californium imports.
 */
package io.fieldlink.host.billing.station;
