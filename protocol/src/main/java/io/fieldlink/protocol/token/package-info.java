/**
 * Fieldlink's signed QR tokens: meter credit and pump bookings. Claims ({@link
 * io.fieldlink.protocol.token.TokenClaims}, a CBOR map with integer keys) are signed in a COSE_Sign1
 * with Ed25519 and shown as {@code FL1:} + Base45 text ({@link io.fieldlink.protocol.token.TokenText}).
 * A device checks a token offline with {@link io.fieldlink.protocol.token.TokenVerifier} against its
 * {@link io.fieldlink.protocol.token.TrustedKeys} and its token state ({@link
 * io.fieldlink.protocol.token.CreditTokenWindow}, {@link io.fieldlink.protocol.token.UsedBookingTokens}),
 * and gets a {@link io.fieldlink.protocol.token.Verdict} with a stable reason code. Verification never
 * changes state; the caller journals an accepted token and then commits it to the state.
 *
 * <p>Portable: imports only the protocol's CBOR, COSE, Base45 and crypto packages and the JDK
 * allow-list; no clock (the caller passes the time), no storage (state serialises to bytes).
 */
package io.fieldlink.protocol.token;
