package io.fieldlink.boards;

/** The board families Fieldlink ships firmware for. */
public enum BoardKind {
    /** Prepaid electricity meter. */
    METER,
    /** CNG / fuel dispenser. */
    PUMP,
    /** Oil/gas wellhead RTU. */
    WELLHEAD
}
