package io.fieldlink.host.ledger;

/** The money events the ledger records, each exactly once. */
public enum MoneyEventKind {
    TOPUP_ISSUED(1),
    CREDIT_REDEEMED(2),
    CONSUMPTION_CHARGED(3),
    SALE(4),
    TOPUP_VOIDED(5);

    private final int code;

    MoneyEventKind(int code) {
        this.code = code;
    }

    /** The stable code written into entries. */
    public int code() {
        return code;
    }

    public static MoneyEventKind ofCode(int code) {
        for (MoneyEventKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown money event kind code " + code);
    }
}
