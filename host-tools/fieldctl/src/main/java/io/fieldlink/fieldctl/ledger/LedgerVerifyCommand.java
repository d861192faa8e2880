package io.fieldlink.fieldctl.ledger;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.fieldctl.ExitCodes;
import io.fieldlink.fieldctl.http.ApiClient;
import io.fieldlink.fieldctl.http.ApiException;
import io.fieldlink.fieldctl.http.Json;
import io.fieldlink.fieldctl.serial.DurationConverter;
import io.fieldlink.protocol.crypto.Hex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger verify}: fetches the host's signed checkpoint ({@code GET /api/ledger/checkpoint}),
 * checks its Ed25519 signature over {@code "fieldlink-ledger/v1\n<size>\n<root base64>\n<time>\n"},
 * fetches every entry ({@code /api/ledger/entries?start=&end=}), recomputes the RFC 9162 root and
 * compares it, checks inclusion proofs ({@code /api/ledger/proof/inclusion}) for a spread of entries,
 * and, when a checkpoint was verified before (the state file), the consistency proof from it
 * ({@code /api/ledger/proof/consistency}) and that the old entries still hash to the old root. The
 * checkpoint key comes from {@code --trusted-keys} (lines {@code <kid hex> <public key hex>}), else
 * from the host's issuer keys, pinned in the state file on first use (a key id whose key later
 * changes is a mismatch). Exit 0 when all holds (the state file then moves to this checkpoint), 1 on
 * any mismatch (named; the state is kept), 2 bad usage, 3 the host or a file could not be used.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify the host's ledger: checkpoint signature, every entry against the root, inclusion and consistency proofs.")
public final class LedgerVerifyCommand implements Callable<Integer> {
    private static final int PAGE = 256;
    private static final int MAX_INCLUSION_PROOFS = 32;

    @Spec
    CommandSpec spec;

    @Option(names = {"--url", "--api"}, required = true, description = "the host's HTTP API, e.g. http://10.0.0.2:8080")
    String api;

    @Option(names = "--key-file", description = "file holding an API key (any role); needed when the host keeps its ledger behind a key, as it does by default")
    Path keyFile;

    @Option(names = "--trusted-keys", description = "checkpoint keys to trust, '<kid hex> <public key hex>' per line (default: the host's, pinned on first use)")
    Path trustedKeys;

    @Option(names = "--state", description = "where the last verified checkpoint is kept (default ~/.fieldctl/ledger-<host>.state)")
    Path state;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "HTTP timeout (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ApiClient host;
        try {
            host = new ApiClient(api, keyFile == null ? null : ApiClient.readKey(keyFile), timeout);
        } catch (IllegalArgumentException e) {
            err.println("fieldctl ledger verify: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("fieldctl ledger verify: cannot read " + keyFile + ": " + e.getMessage());
            return ExitCodes.IO;
        }
        Path stateFile = state != null ? state
                : Paths.get(System.getProperty("user.home"), ".fieldctl", "ledger-" + host.host() + ".state");
        try {
            LedgerState before = LedgerState.load(stateFile);
            LedgerState after = verify(host, before, out);
            after.save(stateFile);
            out.println("OK ledger verified at size " + after.size() + "; state saved to " + stateFile);
            return ExitCodes.OK;
        } catch (LedgerMismatch e) {
            err.println("MISMATCH " + e.getMessage());
            return ExitCodes.REFUSED;
        } catch (ApiException e) {
            err.println("fieldctl ledger verify: " + e.getMessage());
            return ExitCodes.IO;
        } catch (IOException e) {
            err.println("fieldctl ledger verify: " + e.getMessage());
            return ExitCodes.IO;
        } catch (IllegalArgumentException e) {
            err.println("MISMATCH the host's answer is malformed: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
    }

    private LedgerState verify(ApiClient host, LedgerState before, PrintWriter out)
            throws IOException, ApiException, LedgerMismatch {
        Map<String, Object> cp = object(host.get("/api/ledger/checkpoint"), "checkpoint");
        long size = Json.number(cp, "size");
        byte[] root = hex(Json.text(cp, "root"), "checkpoint root");
        if (root.length != 32) {
            throw new LedgerMismatch("checkpoint root is " + root.length + " bytes, not 32");
        }
        long time = time(cp.get("time"));
        String kid = Json.text(cp, "kid").toLowerCase(Locale.ROOT);
        byte[] signature = signature(Json.text(cp, "signature"));
        Map<String, byte[]> keys = new LinkedHashMap<>(before.keys());
        byte[] key = checkpointKey(host, kid, keys, out);
        byte[] message = ("fieldlink-ledger/v1\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n" + time + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        if (!BouncyCastleCrypto.INSTANCE.ed25519Verify(key, message, signature)) {
            throw new LedgerMismatch("checkpoint signature does not verify under key " + kid + " (size " + size + ")");
        }
        out.println("OK checkpoint size=" + size + " root=" + Hex.encode(root) + " signed by " + kid);
        if (size > Integer.MAX_VALUE) {
            throw new IOException("a ledger of " + size + " entries is larger than this verifier handles");
        }

        List<byte[]> data = entries(host, (int) size);
        List<byte[]> leaves = new ArrayList<>(data.size());
        for (byte[] d : data) {
            leaves.add(Rfc9162.leafHash(d));
        }
        byte[] computed = Rfc9162.root(leaves, (int) size);
        if (!Arrays.equals(computed, root)) {
            throw new LedgerMismatch("the " + size + " entries hash to root " + Hex.encode(computed)
                    + " but the signed checkpoint says " + Hex.encode(root) + ": an entry was changed, added or removed");
        }
        out.println("OK " + size + " entries hash to the checkpoint root");

        TreeSet<Long> sample = new TreeSet<>();
        for (int i = 0; i < MAX_INCLUSION_PROOFS && size > 0; i++) {
            sample.add(size <= MAX_INCLUSION_PROOFS ? i : (size - 1) * i / (MAX_INCLUSION_PROOFS - 1));
        }
        sample.removeIf(i -> i >= size);
        for (long i : sample) {
            List<byte[]> proof = hashes(host.get("/api/ledger/proof/inclusion?index=" + i + "&size=" + size), "inclusion proof");
            if (!Rfc9162.verifyInclusion(i, size, leaves.get((int) i), proof, root)) {
                throw new LedgerMismatch("inclusion proof for entry " + i + " in the tree of size " + size + " does not verify");
            }
        }
        out.println("OK " + sample.size() + " inclusion proofs");

        long old = before.size();
        if (old > size) {
            throw new LedgerMismatch("the log shrank: verified size " + old + " before, the host now signs size " + size);
        }
        if (old > 0) {
            byte[] oldRecomputed = Rfc9162.root(leaves, (int) old);
            if (!Arrays.equals(oldRecomputed, before.root())) {
                throw new LedgerMismatch("the first " + old + " entries now hash to " + Hex.encode(oldRecomputed)
                        + ", not to the root verified before (" + Hex.encode(before.root()) + "): history was rewritten");
            }
            List<byte[]> proof = old == size ? List.of()
                    : hashes(host.get("/api/ledger/proof/consistency?first=" + old + "&second=" + size), "consistency proof");
            if (!Rfc9162.verifyConsistency(old, size, before.root(), root, proof)) {
                throw new LedgerMismatch("consistency proof from size " + old + " to " + size + " does not verify");
            }
            out.println("OK consistent with the checkpoint verified before (size " + old + ")");
        } else {
            out.println("first verification: nothing earlier to be consistent with");
        }
        return new LedgerState(size, root, time, keys);
    }

    private byte[] checkpointKey(ApiClient host, String kid, Map<String, byte[]> pinned, PrintWriter out)
            throws IOException, ApiException, LedgerMismatch {
        if (trustedKeys != null) {
            Map<String, byte[]> trusted = readTrusted(trustedKeys);
            byte[] k = trusted.get(kid);
            if (k == null) {
                throw new LedgerMismatch("the checkpoint is signed by key " + kid + ", which is not in " + trustedKeys);
            }
            return k;
        }
        Map<String, byte[]> offered = host.issuerKeys();
        byte[] k = offered.get(kid);
        if (k == null) {
            throw new LedgerMismatch("the checkpoint is signed by key " + kid + ", which the host does not publish");
        }
        byte[] before = pinned.get(kid);
        if (before != null && !Arrays.equals(before, k)) {
            throw new LedgerMismatch("the host now publishes another public key for key id " + kid + " than the one pinned before");
        }
        if (before == null) {
            out.println("trusting checkpoint key " + kid + " from the host (pinned from now on; use --trusted-keys to pin it yourself)");
            pinned.put(kid, k);
        }
        return k;
    }

    private static Map<String, byte[]> readTrusted(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] p = l.split("\\s+");
            try {
                if (p.length != 2) {
                    throw new IllegalArgumentException("expected '<kid hex> <public key hex>'");
                }
                byte[] key = Hex.decode(p[1]);
                if (key.length != 32) {
                    throw new IllegalArgumentException("public key must be 32 bytes");
                }
                out.put(p[0].toLowerCase(Locale.ROOT), key);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<byte[]> entries(ApiClient host, int size) throws IOException, ApiException, LedgerMismatch {
        List<byte[]> out = new ArrayList<>(size);
        while (out.size() < size) {
            int start = out.size();
            int end = Math.min(size, start + PAGE);
            Object page = host.get("/api/ledger/entries?start=" + start + "&end=" + end);
            Object list = page instanceof Map<?, ?> m ? m.get("entries") : page;
            if (!(list instanceof List<?> items)) {
                throw new LedgerMismatch("entries from " + start + ": the host's answer holds no list of entries");
            }
            int got = 0;
            for (Object o : items) {
                Map<String, Object> e = object(o, "entry");
                long index = Json.number(e, "index");
                if (index < out.size()) {
                    continue;
                }
                if (index != out.size()) {
                    throw new LedgerMismatch("entries from " + start + ": expected index " + out.size() + ", the host sent " + index);
                }
                if (index >= size) {
                    break;
                }
                try {
                    out.add(Base64.getDecoder().decode(Json.text(e, "data")));
                } catch (IllegalArgumentException ex) {
                    throw new LedgerMismatch("entry " + index + ": data is not base64");
                }
                got++;
            }
            if (got == 0) {
                throw new LedgerMismatch("the host returned no entry at index " + start + " although the checkpoint covers " + size);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String what) throws LedgerMismatch {
        if (!(o instanceof Map)) {
            throw new LedgerMismatch("the host's " + what + " is not a JSON object");
        }
        return (Map<String, Object>) o;
    }

    private static List<byte[]> hashes(Object o, String what) throws LedgerMismatch {
        Object list = object(o, what).get("hashes");
        if (!(list instanceof List<?> items)) {
            throw new LedgerMismatch("the host's " + what + " has no \"hashes\" array");
        }
        List<byte[]> out = new ArrayList<>();
        for (Object h : items) {
            if (!(h instanceof String s)) {
                throw new LedgerMismatch("the host's " + what + " holds a hash that is not a hex string");
            }
            byte[] b = hex(s, what);
            if (b.length != 32) {
                throw new LedgerMismatch("the host's " + what + " holds a hash of " + b.length + " bytes");
            }
            out.add(b);
        }
        return out;
    }

    private static byte[] hex(String s, String what) throws LedgerMismatch {
        try {
            return Hex.decode(s);
        } catch (RuntimeException e) {
            throw new LedgerMismatch(what + " is not hex: " + s);
        }
    }

    private static byte[] signature(String s) throws LedgerMismatch {
        try {
            if (s.length() == 128) {
                return Hex.decode(s);
            }
            return Base64.getDecoder().decode(s);
        } catch (RuntimeException e) {
            throw new LedgerMismatch("checkpoint signature is neither hex nor base64");
        }
    }

    private static long time(Object t) throws LedgerMismatch {
        if (t instanceof java.math.BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new LedgerMismatch("checkpoint time is not whole milliseconds: " + d);
            }
        }
        if (t instanceof String s) {
            try {
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new LedgerMismatch("checkpoint time is neither epoch ms nor ISO-8601: " + s);
            }
        }
        throw new LedgerMismatch("checkpoint has no time");
    }
}
