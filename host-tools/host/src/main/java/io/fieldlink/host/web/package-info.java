/**
 * The HTTP adapter (NanoHTTPD): routing, bearer-key authentication, role checks, JSON and CSV
 * rendering of the API, {@code /metrics} and {@code /health}; the operator dashboard's files and
 * its live WebSocket on the same port ({@link io.fieldlink.host.web.DashboardRoutes}). Imports no
 * CoAP library.
 */
package io.fieldlink.host.web;
