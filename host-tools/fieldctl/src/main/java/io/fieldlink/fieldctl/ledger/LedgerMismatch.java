package io.fieldlink.fieldctl.ledger;

/** The host's ledger does not prove what it claims; the message names what failed. */
final class LedgerMismatch extends Exception {
    private static final long serialVersionUID = 1L;

    LedgerMismatch(String message) {
        super(message);
    }
}
