/**
 * The protocol's {@link io.fieldlink.protocol.crypto.Crypto} on BouncyCastle's lightweight API (no JCA
 * provider), issuer Ed25519 key pairs ({@link io.fieldlink.crypto.jvm.IssuerKeyPair}) and token minting
 * ({@link io.fieldlink.crypto.jvm.TokenMint}) for the host and fieldctl. May import BouncyCastle
 * ({@code org.bouncycastle.crypto}, {@code org.bouncycastle.math.ec.rfc8032}) and the protocol; nothing
 * else: no transport, storage or UI library, no {@code java.security.Provider} registration.
 */
package io.fieldlink.crypto.jvm;
