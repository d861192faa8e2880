package io.fieldlink.host.billing.keys;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.protocol.token.TrustedKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The host's issuer keys. At first start it makes one active key. {@link #rotate} makes a new active
 * key and keeps the old one for verification; {@link #retire} drops a verify-only key. Every change is
 * saved before it takes effect. Thread-safe.
 */
public final class IssuerKeyring {
    private final KeyringStore store;
    private final SecureRandom random;
    private List<IssuerKey> keys;

    private IssuerKeyring(KeyringStore store, SecureRandom random, List<IssuerKey> keys) {
        this.store = store;
        this.random = random;
        this.keys = keys;
    }

    /** Opens the keyring, creating the first active key when there is none. */
    public static IssuerKeyring open(KeyringStore store, SecureRandom random, long nowMillis) throws IOException {
        List<IssuerKey> keys = new ArrayList<>(store.load());
        long active = keys.stream().filter(k -> k.state() == IssuerKeyState.ACTIVE).count();
        if (keys.isEmpty()) {
            keys.add(new IssuerKey(IssuerKeyPair.generate(random), IssuerKeyState.ACTIVE, nowMillis));
            store.save(keys);
        } else if (active != 1) {
            throw new IOException("the issuer keyring must have exactly one active key, it has " + active);
        }
        return new IssuerKeyring(store, random, keys);
    }

    /** The key that signs now. */
    public synchronized IssuerKey active() {
        for (IssuerKey key : keys) {
            if (key.state() == IssuerKeyState.ACTIVE) {
                return key;
            }
        }
        throw new IllegalStateException("no active issuer key");
    }

    public synchronized List<IssuerKey> all() {
        return List.copyOf(keys);
    }

    /** Makes a new active key; the old one becomes verify-only. */
    public synchronized IssuerKey rotate(long nowMillis) {
        List<IssuerKey> next = new ArrayList<>();
        for (IssuerKey key : keys) {
            next.add(key.state() == IssuerKeyState.ACTIVE ? key.withState(IssuerKeyState.VERIFY_ONLY) : key);
        }
        IssuerKey fresh = new IssuerKey(IssuerKeyPair.generate(random), IssuerKeyState.ACTIVE, nowMillis);
        next.add(fresh);
        commit(next);
        return fresh;
    }

    /**
     * Retires a verify-only key.
     *
     * @throws IllegalArgumentException for an unknown key, or the active one
     */
    public synchronized void retire(String kid) {
        List<IssuerKey> next = new ArrayList<>();
        boolean found = false;
        for (IssuerKey key : keys) {
            if (key.kid().equals(kid)) {
                if (key.state() == IssuerKeyState.ACTIVE) {
                    throw new IllegalArgumentException("issuer key " + kid + " is active: rotate before retiring it");
                }
                found = true;
                next.add(key.withState(IssuerKeyState.RETIRED));
            } else {
                next.add(key);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no issuer key " + kid);
        }
        commit(next);
    }

    /**
     * @param kid a key id in hex
     * @return the public key of the trusted (active or verify-only) key with that id, or null
     */
    public synchronized byte[] trustedPublicKey(String kid) {
        for (IssuerKey key : keys) {
            if (key.state() != IssuerKeyState.RETIRED && key.kid().equalsIgnoreCase(kid)) {
                return key.pair().publicKey();
            }
        }
        return null;
    }

    /** The keys boards and verifiers trust: active and verify-only. */
    public synchronized TrustedKeys trustedKeys() {
        TrustedKeys trusted = new TrustedKeys();
        for (IssuerKey key : keys) {
            if (key.state() != IssuerKeyState.RETIRED) {
                trusted.add(key.pair().keyId(), key.pair().publicKey());
            }
        }
        return trusted;
    }

    /**
     * The trusted public keys as a JWK Set: {@code kty} OKP, {@code crv} Ed25519, {@code x} the
     * base64url public key (RFC 8037), {@code kid} the hex key id, {@code alg} EdDSA, {@code use} sig.
     */
    public synchronized String jwkSet() {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        boolean first = true;
        for (IssuerKey key : keys) {
            if (key.state() == IssuerKeyState.RETIRED) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"").append(key.kid())
                    .append("\",\"x\":\"").append(Base64.getUrlEncoder().withoutPadding().encodeToString(key.pair().publicKey()))
                    .append("\",\"alg\":\"EdDSA\",\"use\":\"sig\",\"status\":\"")
                    .append(key.state() == IssuerKeyState.ACTIVE ? "active" : "verify-only").append("\"}");
        }
        return json.append("]}").toString();
    }

    private void commit(List<IssuerKey> next) {
        try {
            store.save(next);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the issuer keyring; nothing changed", e);
        }
        keys = List.copyOf(next);
    }
}
