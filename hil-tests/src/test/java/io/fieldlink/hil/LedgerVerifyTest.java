package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.fieldctl.Main;
import io.fieldlink.host.HostServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fieldlink ctl ledger verify} against a real host: a ledger of edge sizes (1, 2, a power of
 * two, one past it) verifies; after one stored entry is changed on disk (with its record checksum
 * fixed up, so the host opens it), verify exits 1 and names the root and the failing proofs.
 */
class LedgerVerifyTest {
    @TempDir
    Path dir;
    HostServer host;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private void start() {
        host = HostServer.builder().dataDir(dir).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
    }

    private int post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.httpPort() + path))
                .header("Authorization", "Bearer " + host.operatorKey()).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private record Run(int code, String out) {
    }

    private Run verify() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute("ledger", "verify", "--url", "http://127.0.0.1:" + host.httpPort(),
                "--key-file", dir.resolve("operator.key").toString(), "--state", dir.resolve("fieldctl-ledger.state").toString());
        return new Run(code, out.toString());
    }

    @Test
    void withoutAKeyTheHostsRefusalIsNamed() {
        start();
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute("ledger", "verify", "--url", "http://127.0.0.1:" + host.httpPort(),
                "--state", dir.resolve("fieldctl-ledger.state").toString());
        assertThat(code).as(out.toString()).isNotZero();
        assertThat(out.toString()).contains("401");
    }

    @Test
    void verifiesEdgeSizesAndCatchesAChangedEntry() throws Exception {
        start();
        assertThat(post("/api/devices", "{\"id\":\"m1\",\"board\":\"meter\"}")).isEqualTo(201);
        int issued = 0;
        for (int size : new int[] {1, 2, 4, 5, 8, 9}) {
            while (issued < size) {
                assertThat(post("/api/accounts/m1/topups", "{\"amount\":" + (1000 + issued) + ",\"requestId\":\"t" + issued + "\"}"))
                        .isEqualTo(201);
                issued++;
            }
            Run r = verify();
            assertThat(r.code()).as(r.out()).isZero();
            assertThat(r.out()).contains(Integer.toString(size));
        }
        host.close();
        host = null;
        tamper(dir.resolve("ledger").resolve("entries.log"), 3);
        start();
        Run r = verify();
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("MISMATCH");
    }

    /** Changes the last byte of record {@code n} and fixes its CRC-32C, as a careful forger would. */
    private static void tamper(Path file, int n) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all);
        int pos = 0;
        for (int i = 0; i < n; i++) {
            pos += 8 + b.getInt(pos);
        }
        int len = b.getInt(pos);
        all[pos + 8 + len - 1] ^= 0x01;
        CRC32C crc = new CRC32C();
        crc.update(all, pos + 8, len);
        b.putInt(pos + 4, (int) crc.getValue());
        Files.write(file, all);
    }
}
