package io.fieldlink.protocol.token;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.cbor.CborReader;
import io.fieldlink.protocol.cbor.CborType;
import io.fieldlink.protocol.cbor.CborWriter;

/**
 * Claims as a deterministic CBOR map (RFC 8949 §4.2: definite lengths, shortest integers, keys in
 * ascending order). Decoding is strict: a definite map, integer keys from {@link ClaimKeys} each at
 * most once, no unknown keys (a device must never ignore a restriction it does not know), the right
 * value types and the rules of {@link TokenClaims}. Stateless.
 */
public final class TokenClaimsCodec {
    private static final int MAX_KEY = ClaimKeys.PUMP;

    private TokenClaimsCodec() {
    }

    /** Encodes {@code claims}; optional claims at their defaults are left out. */
    public static byte[] encode(TokenClaims claims) {
        boolean booking = claims.type() == TokenType.BOOKING;
        boolean pump = booking && claims.pump() != TokenClaims.ANY_PUMP;
        int pairs = 5 + (claims.notBefore() != 0 ? 1 : 0) + (claims.hasExpiry() ? 1 : 0) + (booking ? 2 : 0)
                + (pump ? 1 : 0);
        CborWriter w = new CborWriter(64 + claims.subject().length()).writeMapHeader(pairs)
                .writeInt(ClaimKeys.VERSION).writeInt(TokenClaims.VERSION)
                .writeInt(ClaimKeys.TYPE).writeInt(claims.type().wireValue())
                .writeInt(ClaimKeys.SUBJECT).writeText(claims.subject())
                .writeInt(ClaimKeys.TOKEN_ID).writeInt(claims.tokenId())
                .writeInt(booking ? ClaimKeys.QUANTITY : ClaimKeys.AMOUNT).writeInt(claims.value());
        if (claims.notBefore() != 0) {
            w.writeInt(ClaimKeys.NOT_BEFORE).writeInt(claims.notBefore());
        }
        if (claims.hasExpiry()) {
            w.writeInt(ClaimKeys.EXPIRY).writeInt(claims.expiry());
        }
        if (booking) {
            w.writeInt(ClaimKeys.SLOT_START).writeInt(claims.slotStart());
            w.writeInt(ClaimKeys.SLOT_END).writeInt(claims.slotEnd());
        }
        if (pump) {
            w.writeInt(ClaimKeys.PUMP).writeInt(claims.pump());
        }
        return w.toByteArray();
    }

    /**
     * Decodes claims that fill {@code bytes} exactly.
     *
     * @throws ProtocolException naming the key, offset or rule that is broken
     */
    public static TokenClaims decode(byte[] bytes) {
        CborReader r = new CborReader(bytes);
        if (r.peekType() != CborType.MAP) {
            throw new ProtocolException("claims: expected a map, found " + r.peekType().description());
        }
        int n = r.readMapHeader();
        if (n < 0) {
            throw new ProtocolException("claims: the map must have a definite length");
        }
        long[] values = new long[MAX_KEY + 1];
        boolean[] seen = new boolean[MAX_KEY + 1];
        String subject = null;
        for (int i = 0; i < n; i++) {
            int at = r.position();
            if (r.peekType() != CborType.UNSIGNED) {
                throw new ProtocolException("claims: key at offset " + at + " is a " + r.peekType().description()
                        + ", expected an unsigned integer");
            }
            long key = r.readUnsigned();
            if (key < 1 || key > MAX_KEY) {
                throw new ProtocolException("claims: unknown claim key " + key + " at offset " + at);
            }
            int k = (int) key;
            if (seen[k]) {
                throw new ProtocolException("claims: claim key " + k + " appears twice (offset " + at + ")");
            }
            seen[k] = true;
            if (k == ClaimKeys.SUBJECT) {
                subject = readSubject(r);
            } else {
                values[k] = readUnsignedClaim(r, k);
            }
        }
        if (r.hasMore()) {
            throw new ProtocolException("claims: trailing bytes at offset " + r.position());
        }
        return build(values, seen, subject);
    }

    private static TokenClaims build(long[] values, boolean[] seen, String subject) {
        require(seen, ClaimKeys.VERSION, "version");
        if (values[ClaimKeys.VERSION] != TokenClaims.VERSION) {
            throw new ProtocolException("claims: version " + values[ClaimKeys.VERSION] + " is not supported (expected "
                    + TokenClaims.VERSION + ")");
        }
        require(seen, ClaimKeys.TYPE, "type");
        TokenType type = TokenType.fromWireValue(values[ClaimKeys.TYPE]);
        if (type == null) {
            throw new ProtocolException("claims: unknown token type " + values[ClaimKeys.TYPE]);
        }
        require(seen, ClaimKeys.SUBJECT, "subject");
        require(seen, ClaimKeys.TOKEN_ID, "token id");
        boolean booking = type == TokenType.BOOKING;
        int valueKey = booking ? ClaimKeys.QUANTITY : ClaimKeys.AMOUNT;
        require(seen, valueKey, booking ? "quantity" : "amount");
        forbid(seen, booking ? ClaimKeys.AMOUNT : ClaimKeys.QUANTITY, type);
        if (booking) {
            require(seen, ClaimKeys.EXPIRY, "expiry");
            require(seen, ClaimKeys.SLOT_START, "slot start");
            require(seen, ClaimKeys.SLOT_END, "slot end");
            if (seen[ClaimKeys.PUMP] && (values[ClaimKeys.PUMP] < 1 || values[ClaimKeys.PUMP] > Integer.MAX_VALUE)) {
                throw new ProtocolException("claims: pump " + values[ClaimKeys.PUMP] + " must be 1 to 2^31-1");
            }
        } else {
            forbid(seen, ClaimKeys.SLOT_START, type);
            forbid(seen, ClaimKeys.SLOT_END, type);
            forbid(seen, ClaimKeys.PUMP, type);
        }
        long expiry = seen[ClaimKeys.EXPIRY] ? values[ClaimKeys.EXPIRY] : TokenClaims.NO_EXPIRY;
        try {
            return new TokenClaims(type, subject, values[ClaimKeys.TOKEN_ID], values[valueKey],
                    values[ClaimKeys.NOT_BEFORE], expiry, values[ClaimKeys.SLOT_START], values[ClaimKeys.SLOT_END],
                    (int) values[ClaimKeys.PUMP]);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("claims: " + e.getMessage(), e);
        }
    }

    private static String readSubject(CborReader r) {
        if (r.peekType() != CborType.TEXT) {
            throw new ProtocolException("claims: subject (3) at offset " + r.position() + " must be text, found "
                    + r.peekType().description());
        }
        return r.readText();
    }

    private static long readUnsignedClaim(CborReader r, int key) {
        int at = r.position();
        if (r.peekType() != CborType.UNSIGNED) {
            throw new ProtocolException("claims: claim " + key + " at offset " + at
                    + " must be an unsigned integer, found " + r.peekType().description());
        }
        long v = r.readUnsigned();
        if (v < 0) {
            throw new ProtocolException("claims: claim " + key + " at offset " + at + " is above 2^63-1");
        }
        return v;
    }

    private static void require(boolean[] seen, int key, String name) {
        if (!seen[key]) {
            throw new ProtocolException("claims: required claim " + name + " (" + key + ") is missing");
        }
    }

    private static void forbid(boolean[] seen, int key, TokenType type) {
        if (seen[key]) {
            throw new ProtocolException("claims: claim " + key + " is not allowed in a " + type + " token");
        }
    }
}
