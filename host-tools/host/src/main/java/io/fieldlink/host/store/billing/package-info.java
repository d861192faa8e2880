/** The billing books in the host's MapDB store: one sorted text map per billing table. */
package io.fieldlink.host.store.billing;
