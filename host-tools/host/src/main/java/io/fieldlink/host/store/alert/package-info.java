/**
 * MapDB adapter of the alert repository: alerts, webhooks and alert settings as JSON text in the
 * host store, written through the committer so each change is durable when the call returns. The
 * only alert code that imports MapDB.
 */
package io.fieldlink.host.store.alert;
