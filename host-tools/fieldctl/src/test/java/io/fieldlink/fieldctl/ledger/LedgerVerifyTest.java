package io.fieldlink.fieldctl.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.fieldctl.ExitCodes;
import io.fieldlink.fieldctl.Main;
import io.fieldlink.protocol.crypto.Hex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ledger verify} against a small HTTP server serving a real RFC 9162 tree built here with the
 * RFC's recursive definitions (MTH, PATH, SUBPROOF), a checkpoint signed with a real Ed25519 key, and
 * tampered variants that must fail.
 */
class LedgerVerifyTest {
    @TempDir
    Path dir;

    HttpServer server;
    final List<byte[]> log = new ArrayList<>();
    IssuerKeyPair key = IssuerKeyPair.fromSeed(fill(32, 5));
    IssuerKeyPair signer = key;
    final Map<Integer, byte[]> servedInstead = new HashMap<>();
    boolean breakInclusion;
    boolean breakConsistency;
    byte[] kidOverride;
    Path keyFile;

    static byte[] fill(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    // --- the reference tree, straight from RFC 9162 section 2.1 ---

    static byte[] sha(int prefix, byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((byte) prefix);
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            try {
                return MessageDigest.getInstance("SHA-256").digest();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        if (d.size() == 1) {
            return sha(0, d.get(0));
        }
        int k = k(d.size());
        return sha(1, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> out = new ArrayList<>();
        if (d.size() <= 1) {
            return out;
        }
        int k = k(d.size());
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(path(m - k, d.subList(k, d.size())));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> out = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    // --- the stand-in host ---

    @BeforeEach
    void start() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        keyFile = Files.writeString(dir.resolve("api.key"), "flk_test_key\n");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    void grow(int n) {
        while (log.size() < n) {
            log.add(("money event " + log.size() + " {\"amount\":" + (log.size() * 1000) + "}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> q = new HashMap<>();
        String query = ex.getRequestURI().getQuery();
        if (query != null) {
            for (String p : query.split("&")) {
                String[] kv = p.split("=", 2);
                q.put(kv[0], kv[1]);
            }
        }
        String body;
        int status = 200;
        if (!"Bearer flk_test_key".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
            body = "{\"error\":\"missing or unknown API key\"}";
        } else if (path.equals("/api/issuer-keys")) {
            body = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + Hex.encode(kid()) + "\",\"x\":\""
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey()) + "\"}]}";
        } else if (path.equals("/api/ledger/checkpoint")) {
            byte[] root = mth(log);
            long time = 1_763_700_000_000L + log.size();
            byte[] msg = ("fieldlink-ledger/v1\n" + log.size() + "\n" + Base64.getEncoder().encodeToString(root) + "\n" + time + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            body = "{\"size\":" + log.size() + ",\"root\":\"" + Hex.encode(root) + "\",\"time\":" + time + ",\"kid\":\""
                    + Hex.encode(kid()) + "\",\"signature\":\"" + Base64.getEncoder().encodeToString(signer.sign(msg)) + "\"}";
        } else if (path.equals("/api/ledger/entries")) {
            int start = Integer.parseInt(q.get("start"));
            int end = Math.min(Integer.parseInt(q.get("end")), log.size());
            StringBuilder b = new StringBuilder("{\"entries\":[");
            for (int i = start; i < end; i++) {
                byte[] data = servedInstead.getOrDefault(i, log.get(i));
                b.append(i > start ? "," : "").append("{\"index\":").append(i).append(",\"data\":\"")
                        .append(Base64.getEncoder().encodeToString(data)).append("\"}");
            }
            body = b.append("]}").toString();
        } else if (path.equals("/api/ledger/proof/inclusion")) {
            int index = Integer.parseInt(q.get("index"));
            int size = Integer.parseInt(q.get("size"));
            List<byte[]> p = path(index, log.subList(0, size));
            if (breakInclusion && !p.isEmpty()) {
                p.get(0)[0] ^= 1;
            }
            body = hashes(p);
        } else if (path.equals("/api/ledger/proof/consistency")) {
            int first = Integer.parseInt(q.get("first"));
            int second = Integer.parseInt(q.get("second"));
            List<byte[]> p = subproof(first, log.subList(0, second), true);
            if (breakConsistency && !p.isEmpty()) {
                p.get(p.size() - 1)[5] ^= 1;
            }
            body = hashes(p);
        } else {
            status = 404;
            body = "{\"error\":\"no such resource\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    byte[] kid() {
        return kidOverride != null ? kidOverride : key.keyId();
    }

    static String hashes(List<byte[]> p) {
        StringBuilder b = new StringBuilder("{\"hashes\":[");
        for (int i = 0; i < p.size(); i++) {
            b.append(i > 0 ? "," : "").append('"').append(Hex.encode(p.get(i))).append('"');
        }
        return b.append("]}").toString();
    }

    record Result(int code, String out, String err) {
    }

    Result verify(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("ledger", "verify", "--api", "http://127.0.0.1:" + server.getAddress().getPort(),
                "--key-file", keyFile.toString(), "--state", dir.resolve("ledger.state").toString()));
        args.addAll(List.of(extra));
        return new Result(cli.execute(args.toArray(new String[0])), out.toString(), err.toString());
    }

    @Test
    void aGrowingLogVerifiesAtEdgeSizesWithConsistencyFromTheLastCheckpoint() throws Exception {
        int previous = 0;
        for (int size : new int[] {1, 2, 3, 4, 5, 8, 9, 16, 17, 300, 513}) {
            grow(size);
            Result r = verify();
            assertThat(r.code).as("size %d: %s %s", size, r.out, r.err).isEqualTo(ExitCodes.OK);
            assertThat(r.out).contains("OK " + size + " entries hash to the checkpoint root");
            if (previous > 0) {
                assertThat(r.out).contains("consistent with the checkpoint verified before (size " + previous + ")");
            }
            previous = size;
        }
        assertThat(Files.readString(dir.resolve("ledger.state"))).contains("size=513").contains("key=" + Hex.encode(key.keyId()));
        assertThat(verify().code).as("the same checkpoint again").isEqualTo(ExitCodes.OK);
    }

    @Test
    void aChangedEntryIsCaughtAndTheStateIsKept() throws Exception {
        grow(10);
        assertThat(verify().code).isEqualTo(ExitCodes.OK);
        String stateBefore = Files.readString(dir.resolve("ledger.state"));
        grow(12);
        servedInstead.put(7, "money event 7 {\"amount\":9999999}".getBytes(StandardCharsets.UTF_8));
        Result r = verify();
        assertThat(r.code).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err).contains("MISMATCH the 12 entries hash to root").contains("an entry was changed");
        assertThat(Files.readString(dir.resolve("ledger.state"))).isEqualTo(stateBefore);
    }

    @Test
    void aRewrittenHistoryIsCaughtEvenWhenTheNewTreeIsSelfConsistent() {
        grow(6);
        assertThat(verify().code).isEqualTo(ExitCodes.OK);
        log.set(2, "money event 2 rewritten".getBytes(StandardCharsets.UTF_8));
        grow(9);
        Result r = verify();
        assertThat(r.code).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err).contains("history was rewritten");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsCaught() {
        grow(3);
        signer = IssuerKeyPair.fromSeed(fill(32, 6));
        Result r = verify();
        assertThat(r.code).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err).contains("checkpoint signature does not verify under key " + Hex.encode(key.keyId()));
    }

    @Test
    void aBadInclusionOrConsistencyProofIsCaught() {
        grow(7);
        breakInclusion = true;
        assertThat(verify().err).contains("inclusion proof for entry");
        breakInclusion = false;
        assertThat(verify().code).isEqualTo(ExitCodes.OK);
        grow(11);
        breakConsistency = true;
        Result r = verify();
        assertThat(r.code).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err).contains("consistency proof from size 7 to 11 does not verify");
    }

    @Test
    void aKeyThatChangesUnderAPinnedKeyIdIsCaughtAndPinnedKeysMayComeFromAFile() throws Exception {
        grow(2);
        assertThat(verify().code).isEqualTo(ExitCodes.OK);
        IssuerKeyPair pinned = key;
        IssuerKeyPair other = IssuerKeyPair.fromSeed(fill(32, 7));
        kidOverride = pinned.keyId();
        key = other;
        signer = other;
        Result r = verify();
        assertThat(r.code).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err).contains("another public key for key id " + Hex.encode(pinned.keyId()));

        kidOverride = null;
        Result rotated = verify();
        assertThat(rotated.code).as("a new key id (rotation) is trusted and pinned").isEqualTo(ExitCodes.OK);
        assertThat(rotated.out).contains("trusting checkpoint key " + Hex.encode(other.keyId()));

        Path trusted = Files.writeString(dir.resolve("trusted"), "# ops key\n" + Hex.encode(pinned.keyId()) + " "
                + Hex.encode(pinned.publicKey()) + "\n");
        assertThat(verify("--trusted-keys", trusted.toString()).err).contains("not in " + trusted);
        key = pinned;
        signer = pinned;
        assertThat(verify("--trusted-keys", trusted.toString()).code).isEqualTo(ExitCodes.OK);
        Files.writeString(dir.resolve("api.key"), "flk_wrong\n");
        Result unauthorised = verify();
        assertThat(unauthorised.code).isEqualTo(ExitCodes.IO);
        assertThat(unauthorised.err).contains("401");
    }
}
