package io.fieldlink.protocol.token;

import io.fieldlink.protocol.ProtocolException;
import io.fieldlink.protocol.base45.Base45;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.cose.Signer;

/**
 * The printed form of a token: {@value #PREFIX} followed by the Base45 text of the tagged COSE_Sign1
 * whose payload is the encoded claims. Every character is in the QR alphanumeric set, so a QR code
 * holds it in alphanumeric mode. Stateless.
 */
public final class TokenText {
    /** Names the format and its version; a future format gets a new prefix. */
    public static final String PREFIX = "FL1:";
    /** Longest text {@link #decode} accepts, in characters (a token is about 200). */
    public static final int MAX_LENGTH = 1024;

    private TokenText() {
    }

    /** Signs {@code claims} with {@code signer} and returns the token text. */
    public static String encode(TokenClaims claims, Signer signer) {
        byte[] cose = CoseSign1.sign(TokenClaimsCodec.encode(claims), signer).encode();
        StringBuilder out = new StringBuilder(PREFIX.length() + Base45.encodedLength(cose.length)).append(PREFIX);
        Base45.appendTo(out, cose, 0, cose.length);
        return out.toString();
    }

    /**
     * Decodes the COSE_Sign1 of a token text; the signature and claims are not checked here. A
     * trailing CR and/or LF (as some scanners send) is ignored.
     *
     * @throws ProtocolException when the prefix is missing, the text is too long, or the Base45 or
     *     COSE structure is bad; the message says which
     */
    public static CoseSign1 decode(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        if (end > MAX_LENGTH) {
            throw new ProtocolException("token: text of " + end + " characters is longer than " + MAX_LENGTH);
        }
        if (!text.startsWith(PREFIX)) {
            throw new ProtocolException("token: text does not start with " + PREFIX);
        }
        return CoseSign1.decode(Base45.decode(text, PREFIX.length(), end - PREFIX.length()));
    }
}
