package io.fieldlink.fieldctl.ledger;

import io.fieldlink.fieldctl.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The host's tamper-evident ledger, checked from outside. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "The host's ledger.",
        subcommands = {LedgerCommand.Verify.class})
public final class LedgerCommand {
    /**
     * Checks the whole log, the checkpoint signature and the proofs; exit 0 when everything holds,
     * 1 naming each mismatch, 3 when the host cannot be reached or answers other than the API says.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the host's ledger: checkpoint signature, every entry against the root, inclusion and "
                    + "consistency proofs (RFC 9162). Exit 1 and name what failed on any mismatch.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--url", required = true, description = "the host's HTTP API, e.g. http://127.0.0.1:8080")
        URI url;

        @Option(names = "--key", description = "API key (viewer or above); default: $FIELDLINK_API_KEY")
        String key;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String apiKey = key != null ? key : System.getenv("FIELDLINK_API_KEY");
            if (apiKey == null || apiKey.isBlank()) {
                err.println("fieldctl: ledger verify needs --key or FIELDLINK_API_KEY");
                return ExitCodes.USAGE;
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = url.toString().endsWith("/") ? url.toString().substring(0, url.toString().length() - 1) : url.toString();
            LedgerVerifier.Api api = path -> {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + apiKey).GET().build();
                try {
                    HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
                    if (res.statusCode() != 200) {
                        throw new IOException("GET " + path + " answered " + res.statusCode() + ": " + res.body());
                    }
                    return res.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            };
            LedgerVerifier.Report r;
            try {
                r = new LedgerVerifier(api).verify();
            } catch (IOException | RuntimeException e) {
                err.println("fieldctl: ledger verify: " + e.getMessage());
                return ExitCodes.IO;
            }
            for (String p : r.problems()) {
                out.println("FAIL " + p);
            }
            out.println((r.problems().isEmpty() ? "ok" : "MISMATCH") + ": " + r.size() + " entries, checkpoint at "
                    + java.time.Instant.ofEpochMilli(r.time()) + " signed by " + r.kid() + "; " + r.inclusions()
                    + " inclusion and " + r.consistencies() + " consistency proofs checked");
            return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.REFUSED;
        }
    }
}
