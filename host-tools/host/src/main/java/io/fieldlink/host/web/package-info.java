/**
 * The HTTP adapter (NanoHTTPD): routing, bearer-key authentication, role checks, JSON and CSV
 * rendering of the API, {@code /metrics} and {@code /health}. Imports no CoAP library.
 */
package io.fieldlink.host.web;
