package io.fieldlink.protocol.token;

/**
 * What a token says: its type, subject, id, value and validity. Immutable; build with {@link
 * #credit} or {@link #booking} and the {@code with...} methods, which return new instances. Encoded
 * and decoded by {@link TokenClaimsCodec}.
 *
 * <p>Units: amounts in milli-units of the currency, quantities in grams, times in seconds since the
 * Unix epoch. Absent optional claims read as: not-before 0, expiry {@link #NO_EXPIRY}, pump
 * {@link #ANY_PUMP}.
 */
public final class TokenClaims {
    /** The claims format version this code writes and reads. */
    public static final int VERSION = 1;
    /** Expiry of a token without one. */
    public static final long NO_EXPIRY = Long.MAX_VALUE;
    /** Pump of a booking valid at any pump of the station. */
    public static final int ANY_PUMP = 0;
    /** Longest subject, in characters. */
    public static final int MAX_SUBJECT_LENGTH = 64;

    private final TokenType type;
    private final String subject;
    private final long tokenId;
    private final long value;
    private final long notBefore;
    private final long expiry;
    private final long slotStart;
    private final long slotEnd;
    private final int pump;

    TokenClaims(TokenType type, String subject, long tokenId, long value, long notBefore, long expiry,
            long slotStart, long slotEnd, int pump) {
        this.type = type;
        this.subject = subject;
        this.tokenId = tokenId;
        this.value = value;
        this.notBefore = notBefore;
        this.expiry = expiry;
        this.slotStart = slotStart;
        this.slotEnd = slotEnd;
        this.pump = pump;
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Returns credit claims for one meter: no not-before, no expiry.
     *
     * @throws IllegalArgumentException when the meter id is empty or too long, the id negative or the
     *     amount not positive
     */
    public static TokenClaims credit(String meterId, long tokenId, long amountMilli) {
        return new TokenClaims(TokenType.CREDIT, meterId, tokenId, amountMilli, 0, NO_EXPIRY, 0, 0, ANY_PUMP);
    }

    /**
     * Returns booking claims valid at any pump of the station, from now until {@code expiry}.
     *
     * @throws IllegalArgumentException on an empty station, a negative id, a quantity not positive, a
     *     slot that does not end after it starts, or an expiry before the slot ends
     */
    public static TokenClaims booking(String stationId, long bookingId, long quantityGrams, long slotStart,
            long slotEnd, long expiry) {
        return new TokenClaims(TokenType.BOOKING, stationId, bookingId, quantityGrams, 0, expiry, slotStart, slotEnd,
                ANY_PUMP);
    }

    /** Returns a copy not valid before {@code epochSeconds}. */
    public TokenClaims withNotBefore(long epochSeconds) {
        return new TokenClaims(type, subject, tokenId, value, epochSeconds, expiry, slotStart, slotEnd, pump);
    }

    /** Returns a copy not valid at or after {@code epochSeconds} ({@link #NO_EXPIRY} for none). */
    public TokenClaims withExpiry(long epochSeconds) {
        return new TokenClaims(type, subject, tokenId, value, notBefore, epochSeconds, slotStart, slotEnd, pump);
    }

    /** Returns a booking copy valid at pump {@code number} only ({@link #ANY_PUMP} for any). */
    public TokenClaims withPump(int number) {
        return new TokenClaims(type, subject, tokenId, value, notBefore, expiry, slotStart, slotEnd, number);
    }

    /** Returns what is wrong with these claims, or {@code null} when they are consistent. */
    private String problem() {
        if (type == null) {
            return "type is missing";
        }
        if (subject == null || subject.length() == 0 || subject.length() > MAX_SUBJECT_LENGTH) {
            return "subject must be 1 to " + MAX_SUBJECT_LENGTH + " characters";
        }
        if (tokenId < 0) {
            return "token id " + tokenId + " is negative";
        }
        if (value <= 0) {
            return (type == TokenType.CREDIT ? "amount " : "quantity ") + value + " must be positive";
        }
        if (notBefore < 0 || expiry <= notBefore) {
            return "expiry " + expiry + " must be after not-before " + notBefore + " (both non-negative)";
        }
        if (type == TokenType.CREDIT) {
            return slotStart == 0 && slotEnd == 0 && pump == ANY_PUMP ? null : "a credit token has no slot or pump";
        }
        if (expiry == NO_EXPIRY) {
            return "a booking needs an expiry";
        }
        if (slotStart < 0 || slotEnd <= slotStart) {
            return "slot end " + slotEnd + " must be after slot start " + slotStart;
        }
        if (expiry < slotEnd) {
            return "expiry " + expiry + " is before the slot end " + slotEnd;
        }
        return pump < 0 ? "pump " + pump + " is negative" : null;
    }

    public TokenType type() {
        return type;
    }

    /** Returns the meter's device id (credit) or the station id (booking). */
    public String subject() {
        return subject;
    }

    /** Returns the credit counter value or the booking number. */
    public long tokenId() {
        return tokenId;
    }

    /** Returns the credit amount in milli-units; 0 for a booking. */
    public long amountMilli() {
        return type == TokenType.CREDIT ? value : 0;
    }

    /** Returns the booked quantity in grams; 0 for credit. */
    public long quantityGrams() {
        return type == TokenType.BOOKING ? value : 0;
    }

    /** Returns the start of validity, epoch seconds (0 when unbounded). */
    public long notBefore() {
        return notBefore;
    }

    /** Returns the end of validity (exclusive), epoch seconds, or {@link #NO_EXPIRY}. */
    public long expiry() {
        return expiry;
    }

    public boolean hasExpiry() {
        return expiry != NO_EXPIRY;
    }

    /** Returns the booking slot start, epoch seconds; 0 for credit. */
    public long slotStart() {
        return slotStart;
    }

    /** Returns the booking slot end, epoch seconds; 0 for credit. */
    public long slotEnd() {
        return slotEnd;
    }

    /** Returns the pump number, or {@link #ANY_PUMP}. */
    public int pump() {
        return pump;
    }

    long value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TokenClaims)) {
            return false;
        }
        TokenClaims c = (TokenClaims) o;
        return type == c.type && subject.equals(c.subject) && tokenId == c.tokenId && value == c.value
                && notBefore == c.notBefore && expiry == c.expiry && slotStart == c.slotStart
                && slotEnd == c.slotEnd && pump == c.pump;
    }

    @Override
    public int hashCode() {
        return (int) (31 * (31 * subject.hashCode() + type.hashCode()) + tokenId + 7 * value);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(type == TokenType.CREDIT ? "credit" : "booking")
                .append("[subject=").append(subject).append(", id=").append(tokenId)
                .append(type == TokenType.CREDIT ? ", amountMilli=" : ", grams=").append(value);
        if (notBefore != 0) {
            b.append(", nbf=").append(notBefore);
        }
        if (hasExpiry()) {
            b.append(", exp=").append(expiry);
        }
        if (type == TokenType.BOOKING) {
            b.append(", slot=").append(slotStart).append("..").append(slotEnd);
            if (pump != ANY_PUMP) {
                b.append(", pump=").append(pump);
            }
        }
        return b.append(']').toString();
    }
}
