package io.fieldlink.firmware.pump;

/**
 * Turns scanned token text into verified booking claims: prefix, base45, COSE_Sign1, issuer key
 * by key id, Ed25519 signature, claim types. Implemented on top of the protocol's token verifier;
 * tests use a table.
 *
 * <p>Contract: never throws on bad input; every failure is a {@link BookingDecoding#refused}.
 * Called from the board's event loop only.
 */
public interface BookingDecoder {
    /**
     * @param text the scanned text (QR payload or the argument of the console's {@code scan})
     * @return verified claims or a refusal with its reason; never null
     */
    BookingDecoding decode(String text);
}
