package io.fieldlink.boards;

/** Where a value stands against a channel's alarm limits. */
public enum AlarmLevel {
    /** Below the low-low limit. */
    LOW_LOW,
    /** Below the low limit. */
    LOW,
    /** Within limits. */
    NORMAL,
    /** Above the high limit. */
    HIGH,
    /** Above the high-high limit. */
    HIGH_HIGH
}
