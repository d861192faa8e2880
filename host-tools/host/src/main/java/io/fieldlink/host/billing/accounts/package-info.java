/**
 * Meter accounts, one per meter: a projection of the meter's own records (credit redeemed, emergency
 * credit, fixed charges, the periodic balance/energy/charged pack) into per-meter books and the
 * ledger (credit redeemed, consumption charged per day); top-ups (signed credit tokens, idempotent by
 * request id, void and re-issue of a token the meter can no longer accept); statements per period and
 * the reconciliation report. Domain code: no MapDB, NanoHTTPD or Californium imports; the books live
 * in {@link io.fieldlink.host.billing.Tables}.
 */
package io.fieldlink.host.billing.accounts;
