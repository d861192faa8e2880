package io.fieldlink.firmware.pump;

/** The dispenser's state, as reported in station telemetry. */
public enum DispenseState {
    /** No fill authorised; valve closed. */
    IDLE,
    /** A fill is authorised and waits for the nozzle to be lifted; valve closed. */
    AUTHORISED,
    /** Gas is flowing; valve open. */
    DISPENSING
}
