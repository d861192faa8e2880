package io.fieldlink.firmware.meter;

/**
 * A stand-in token check for engine tests: "T:&lt;id&gt;:&lt;amount&gt;" is a valid token, "X:&lt;reason&gt;"
 * is refused with that reason, anything else is malformed.
 */
final class FakeCreditTokens implements CreditTokenCheck {

    static String token(long id, long amount) {
        return "T:" + id + ":" + amount;
    }

    @Override
    public CreditClaim check(String token, long nowMillis) {
        if (token == null) {
            return CreditClaim.refused(CreditClaim.MALFORMED);
        }
        String[] parts = token.split(":");
        if (parts.length == 2 && parts[0].equals("X")) {
            return CreditClaim.refused(parts[1]);
        }
        if (parts.length != 3 || !parts[0].equals("T")) {
            return CreditClaim.refused(CreditClaim.MALFORMED);
        }
        try {
            return CreditClaim.ok(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return CreditClaim.refused(CreditClaim.MALFORMED);
        }
    }
}
