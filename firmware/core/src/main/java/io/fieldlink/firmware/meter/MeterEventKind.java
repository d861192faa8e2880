package io.fieldlink.firmware.meter;

/** What happened on a meter; the meaning of an event's value is given per kind. */
public enum MeterEventKind {
    /** The meter started; value = balance. */
    BOOTED,
    /** A credit attempt; value = amount credited (0 if refused); reason = the verdict code. */
    CREDIT,
    /** Emergency credit was lent; value = amount. */
    EMERGENCY_TAKEN,
    /** A top-up repaid emergency credit; value = amount repaid. */
    EMERGENCY_REPAID,
    /** The relay opened; value = the {@link Meter} RELAY_* reason bits. */
    RELAY_OPENED,
    /** The relay closed; value = 0. */
    RELAY_CLOSED,
    /** The balance fell under a warning threshold; value = the threshold. */
    LOW_CREDIT,
    /** A tamper input fired; value = the {@link Meter} TAMPER_* bit. */
    TAMPER,
    /** A technician cleared tamper; value = the bits that were latched. */
    TAMPER_CLEARED,
    /** Power exceeded the maximum; value = the power in mW. */
    OVERLOAD_TRIP,
    /** A scheduled tariff took effect; value = tariff id. */
    TARIFF_CHANGED,
    /** The host scheduled a tariff; value = tariff id; reason "ok" or "full". */
    TARIFF_SCHEDULED,
    /** A daily fixed charge was taken; value = amount. */
    FIXED_CHARGE
}
