/**
 * The host service. Domain packages (billing, ledger, prediction, alerts) import no transport,
 * storage or UI library; those live in the coap, store and web adapter packages.
 */
package io.fieldlink.host;
