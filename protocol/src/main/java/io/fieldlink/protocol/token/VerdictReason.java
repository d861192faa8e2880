package io.fieldlink.protocol.token;

/**
 * Why a token was accepted or refused. {@link #code()} is stable: it appears in events, the API and
 * the console.
 */
public enum VerdictReason {
    /** Valid: may be committed. */
    OK("ok"),
    /** Not a token: bad prefix, Base45, COSE, algorithm or claims. */
    MALFORMED("malformed"),
    /** Signed under a key id this device does not trust. */
    UNKNOWN_KEY("unknown-key"),
    /** The signature does not verify under the trusted key. */
    BAD_SIGNATURE("bad-signature"),
    /** A booking shown to a meter, or credit to a pump. */
    WRONG_TYPE("wrong-type"),
    /** For another meter, station, or pump. */
    WRONG_SUBJECT("wrong-subject"),
    /** Before its not-before time, or before its slot (less the grace). */
    NOT_YET_VALID("not-yet-valid"),
    /** At or after its expiry, or after its slot (plus the grace). */
    EXPIRED("expired"),
    /** Already used, or a credit id older than the window. */
    REPLAYED("replayed"),
    /** More than this device accepts in one token, or no room left to remember it. */
    OVER_LIMIT("over-limit");

    private final String code;

    VerdictReason(String code) {
        this.code = code;
    }

    /** Returns the stable short code, e.g. {@code "replayed"}. */
    public String code() {
        return code;
    }

    /** Returns the reason with this code, or {@code null}. */
    public static VerdictReason fromCode(String code) {
        for (VerdictReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        return null;
    }
}
