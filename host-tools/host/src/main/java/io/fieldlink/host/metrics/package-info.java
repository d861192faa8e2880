/**
 * Counters and gauges of the host and their Prometheus text rendering. JDK only.
 */
package io.fieldlink.host.metrics;
