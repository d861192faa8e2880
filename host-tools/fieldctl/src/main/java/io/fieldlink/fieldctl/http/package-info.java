/**
 * fieldctl's client of the host's HTTP API: bearer-key requests, JSON bodies as plain maps and
 * lists, and the host's {@code {"error": ...}} answers as exceptions that say what failed. Must not
 * import the host or the firmware.
 */
package io.fieldlink.fieldctl.http;
