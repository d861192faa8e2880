/**
 * The fleet runner: virtual boards (the real firmware core and board apps on an in-memory HAL)
 * driven by the physics, a discrete-event scheduler (virtual, real or accelerated time; in virtual
 * time the boards split into shards, each on its own thread under one shared look-ahead), power
 * cuts and sensor faults. Must not import firmware/jvm or fieldctl; talks to the host
 * only through {@code simulator.net} and {@code simulator.report}.
 */
package io.fieldlink.simulator.fleet;
