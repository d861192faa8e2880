/** The ledger forwarder's HTTP side: POSTs JSON records to an external endpoint with an idempotency key. */
package io.fieldlink.host.web.forward;
