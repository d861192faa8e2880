/**
 * The audit log: every change made through the API (who, what, when), appended in the same commit
 * as the change. Imports the store and auth; no HTTP library.
 */
package io.fieldlink.host.audit;
