/**
 * The host's HTTP API as the simulator uses it (provisioning, series, events) and the end report:
 * what the boards sent, compared with what the host stored as read back through the API. Must not
 * import firmware/jvm or fieldctl.
 */
package io.fieldlink.simulator.report;
