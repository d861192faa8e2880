/**
 * The fleet runner: virtual boards (the real firmware core and board apps on an in-memory HAL)
 * driven by the physics, one discrete-event scheduler for every board (virtual, real or accelerated
 * time), power cuts and sensor faults. Must not import firmware/jvm or fieldctl; talks to the host
 * only through {@code simulator.net} and {@code simulator.report}.
 */
package io.fieldlink.simulator.fleet;
