/**
 * The physical world the virtual boards sense: household loads and the grid's voltage and frequency,
 * CNG stations with vehicles arriving by an hour-of-day demand curve, wells following Arps decline,
 * and the faults that matter (stuck, noisy or out-of-range sensors, leaks, overpressure, tamper,
 * theft). Every model is a pure function of its seed and the simulated time, so a run repeats
 * exactly. Must not import firmware/jvm or fieldctl.
 */
package io.fieldlink.simulator.physics;
