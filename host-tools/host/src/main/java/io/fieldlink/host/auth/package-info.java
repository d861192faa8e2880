/**
 * API keys and roles: who may call the HTTP API and what they may change. Keys are stored only as
 * SHA-256 hashes. Imports the store; no HTTP library.
 */
package io.fieldlink.host.auth;
