package io.fieldlink.fieldctl.ledger;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a host's ledger through its API: the checkpoint's signature (key from the JWK Set), that the
 * entries hash to the checkpoint's root, and the host's inclusion proofs (every entry of a small
 * ledger, edges, powers of two and a spread of a large one) and consistency proofs (from sizes 1, 2,
 * powers of two, one past them, size − 1) against it. Every failure is a line naming what failed.
 */
final class LedgerVerifier {
    /** Fetches a path of the API and returns the body of a 200 answer. */
    interface Api {
        /** @throws IOException when there is no 200 answer */
        String get(String path) throws IOException;
    }

    /** What was checked, and what failed. */
    record Report(long size, long time, String kid, int inclusions, int consistencies, List<String> problems) {
    }

    private final Api api;
    private final List<String> problems = new ArrayList<>();

    LedgerVerifier(Api api) {
        this.api = api;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json, String what) {
        Object v = Json.parse(json);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return (Map<String, Object>) v;
    }

    private static String text(Map<String, Object> m, String name, String what) {
        if (!(m.get(name) instanceof String s)) {
            throw new IllegalArgumentException(what + ": \"" + name + "\" is missing or not text");
        }
        return s;
    }

    private static long number(Map<String, Object> m, String name, String what) {
        if (!(m.get(name) instanceof Double d) || d != Math.rint(d) || d < 0) {
            throw new IllegalArgumentException(what + ": \"" + name + "\" is missing or not a whole number");
        }
        return d.longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String name, String what) {
        if (!(m.get(name) instanceof List)) {
            throw new IllegalArgumentException(what + ": \"" + name + "\" is missing or not an array");
        }
        return (List<Object>) m.get(name);
    }

    /**
     * @throws IOException when the API cannot be reached
     * @throws IllegalArgumentException when an answer is not what the API defines
     */
    @SuppressWarnings("unchecked")
    Report verify() throws IOException {
        Map<String, byte[]> keys = new HashMap<>();
        for (Object k : list(object(api.get("/api/issuer-keys"), "the JWK Set"), "keys", "the JWK Set")) {
            Map<String, Object> jwk = (Map<String, Object>) k;
            if ("OKP".equals(jwk.get("kty")) && "Ed25519".equals(jwk.get("crv"))) {
                keys.put(text(jwk, "kid", "a JWK"), Base64.getUrlDecoder().decode(text(jwk, "x", "a JWK")));
            }
        }
        Map<String, Object> cp = object(api.get("/api/ledger/checkpoint"), "the checkpoint");
        long size = number(cp, "size", "checkpoint");
        byte[] root = HexFormat.of().parseHex(text(cp, "root", "checkpoint"));
        long time = number(cp, "time", "checkpoint");
        String kid = text(cp, "kid", "checkpoint");
        byte[] signature = Base64.getDecoder().decode(text(cp, "signature", "checkpoint"));
        String message = "fieldlink-ledger/v1\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n" + time + "\n";
        if (cp.containsKey("signed") && !text(cp, "signed", "checkpoint").startsWith(message)) {
            problems.add("checkpoint: the signed text does not state the same size, root and time");
        }
        byte[] key = keys.get(kid);
        if (key == null) {
            problems.add("checkpoint: signed by key " + kid + ", which is not in /api/issuer-keys");
        } else if (!BouncyCastleCrypto.INSTANCE.ed25519Verify(key, message.getBytes(StandardCharsets.US_ASCII), signature)) {
            problems.add("checkpoint: the signature does not verify with key " + kid);
        }
        List<byte[]> leaves = new ArrayList<>();
        while (leaves.size() < size) {
            long start = leaves.size();
            long end = Math.min(size - 1, start + 999);
            List<Object> page = list(object(api.get("/api/ledger/entries?start=" + start + "&end=" + end), "entries"),
                    "entries", "entries");
            if (page.isEmpty()) {
                problems.add("entries: the ledger returned no entry at index " + start + " of " + size);
                break;
            }
            for (Object o : page) {
                Map<String, Object> e = (Map<String, Object>) o;
                long index = number(e, "index", "an entry");
                if (index != leaves.size()) {
                    problems.add("entries: expected index " + leaves.size() + ", got " + index);
                }
                leaves.add(Rfc9162.leaf(Base64.getDecoder().decode(text(e, "data", "entry " + index))));
            }
        }
        int n = (int) Math.min(size, leaves.size());
        if (n == size && !java.util.Arrays.equals(Rfc9162.root(leaves, 0, n), root)) {
            problems.add("root: the " + size + " entries do not hash to the checkpoint's root");
        }
        int inclusions = 0;
        for (long i : sample(n)) {
            List<byte[]> proof = hashes(api.get("/api/ledger/proof/inclusion?index=" + i + "&size=" + size));
            if (!Rfc9162.inclusion(i, size, leaves.get((int) i), proof, root)) {
                problems.add("inclusion proof of entry " + i + " in size " + size + " does not verify");
            }
            inclusions++;
        }
        int consistencies = 0;
        for (long first : firsts(n)) {
            List<byte[]> proof = hashes(api.get("/api/ledger/proof/consistency?first=" + first + "&second=" + size));
            if (!Rfc9162.consistency(first, size, Rfc9162.root(leaves, 0, (int) first), root, proof)) {
                problems.add("consistency proof from size " + first + " to " + size + " does not verify");
            }
            consistencies++;
        }
        return new Report(size, time, kid, inclusions, consistencies, List.copyOf(problems));
    }

    private static List<byte[]> hashes(String json) {
        List<byte[]> out = new ArrayList<>();
        for (Object h : list(object(json, "a proof"), "hashes", "a proof")) {
            out.add(HexFormat.of().parseHex((String) h));
        }
        return out;
    }

    /** Every index of a small ledger; edges, powers of two and one past them, and a spread of a large one. */
    static TreeSet<Long> sample(long size) {
        TreeSet<Long> s = new TreeSet<>();
        if (size <= 256) {
            for (long i = 0; i < size; i++) {
                s.add(i);
            }
            return s;
        }
        for (long p = 1; p < size; p <<= 1) {
            s.add(p - 1);
            s.add(p);
        }
        s.add(0L);
        s.add(size - 1);
        for (long i = 0; i < 64; i++) {
            s.add(i * size / 64);
        }
        return s;
    }

    /** Sizes to prove consistency from: 1, 2, powers of two and one past them, size − 1. */
    static TreeSet<Long> firsts(long size) {
        TreeSet<Long> s = new TreeSet<>();
        for (long p = 1; p < size; p <<= 1) {
            s.add(p);
            if (p + 1 < size) {
                s.add(p + 1);
            }
        }
        if (size > 1) {
            s.add(size - 1);
        }
        return s;
    }
}
