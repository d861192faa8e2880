/**
 * The host's token issuer keys: Ed25519 key pairs with key ids, one active signer, older keys kept for
 * verification until retired, and the public keys as a JWK Set (RFC 7517 / RFC 8037). Domain code:
 * keys are kept through {@link io.fieldlink.host.billing.keys.KeyringStore}; imports no transport,
 * storage or UI library.
 */
package io.fieldlink.host.billing.keys;
