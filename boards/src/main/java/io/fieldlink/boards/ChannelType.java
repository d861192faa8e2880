package io.fieldlink.boards;

/** What an input channel measures. */
public enum ChannelType {
    /** A sampled level (voltage, pressure). */
    ANALOG,
    /** A monotonically increasing count (pulses, Wh). */
    COUNTER,
    /** An on/off input (nozzle, tamper switch); raw 0 or 1. */
    DIGITAL
}
