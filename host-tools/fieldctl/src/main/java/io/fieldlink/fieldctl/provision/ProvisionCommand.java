package io.fieldlink.fieldctl.provision;

import io.fieldlink.fieldctl.ExitCodes;
import io.fieldlink.fieldctl.http.ApiClient;
import io.fieldlink.fieldctl.http.ApiException;
import io.fieldlink.fieldctl.http.Json;
import io.fieldlink.fieldctl.serial.BoardReply;
import io.fieldlink.fieldctl.serial.DurationConverter;
import io.fieldlink.fieldctl.serial.MachineSession;
import io.fieldlink.fieldctl.serial.SerialLine;
import io.fieldlink.protocol.crypto.Hex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Provisions one board: (1) reads the host's issuer public keys ({@code GET /api/issuer-keys}), (2) checks the board answers on
 * its console in machine mode and logs in, (3) registers the device ({@code POST /api/devices}, which
 * answers with the PSK, shown once), (4) stages {@code provision id|psk|host|issuer} on the board and
 * commits them in one write. Exit 0 when the board confirmed; 1 when the host or the board refused
 * (the message says which and why; a device registered before the board refused is named so it can be
 * removed or re-provisioned); 2 bad usage; 3 the port, the key file or the host could not be used.
 */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Register a board with the host and give it its id, PSK, host address and issuer keys over its serial console.")
public final class ProvisionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, description = "the board's serial console, e.g. /dev/ttyUSB0")
    String port;

    @Option(names = "--api", required = true, description = "the host's HTTP API, e.g. http://10.0.0.2:8080")
    String api;

    @Option(names = "--key-file", required = true, description = "file holding an API key with the technician or operator role")
    Path keyFile;

    @Option(names = "--id", required = true, description = "the device id to give the board")
    String id;

    @Option(names = "--board", required = true, description = "board kind: meter, pump or wellhead")
    String board;

    @Option(names = "--host", description = "address the board reaches the host at (default coaps://<api host>:5684)")
    String hostAddress;

    @Option(names = "--pin", description = "the board's technician PIN (needed to provision)")
    String pin;

    @Option(names = "--baud", defaultValue = "115200", description = "baud rate (default ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--timeout", defaultValue = "5s", converter = DurationConverter.class,
            description = "how long to wait for each reply or HTTP answer (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ApiClient host;
        List<String[]> issuers;
        try {
            host = new ApiClient(api, ApiClient.readKey(keyFile), timeout);
            issuers = issuerKeys(host);
        } catch (IllegalArgumentException e) {
            err.println("fieldctl provision: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("fieldctl provision: " + e.getMessage());
            return ExitCodes.IO;
        } catch (ApiException e) {
            err.println("fieldctl provision: the host refused: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
        String address = hostAddress != null ? hostAddress : "coaps://" + host.host() + ":5684";
        try (SerialLine line = SerialLine.open(port, baud)) {
            MachineSession session = new MachineSession(line, timeout, notice -> err.println("# " + notice));
            session.enter();
            if (pin != null) {
                BoardReply login = session.run("login " + pin);
                if (!login.ok()) {
                    err.println("fieldctl provision: the board refused the login: " + login.errorCode() + " " + login.errorMessage());
                    return ExitCodes.REFUSED;
                }
            }
            BoardReply ident = session.run("id");
            if (!ident.ok()) {
                err.println("fieldctl provision: the board did not answer 'id': " + ident.errorMessage());
                return ExitCodes.REFUSED;
            }
            String kind = ident.fields().get("kind");
            if (kind != null && !kind.equals(board)) {
                err.println("fieldctl provision: the board on " + port + " is a " + kind + ", not a " + board + "; nothing changed");
                return ExitCodes.REFUSED;
            }
            Map<String, Object> device;
            try {
                device = host.post("/api/devices", "{\"id\":\"" + escape(id) + "\",\"board\":\"" + escape(board) + "\"}");
            } catch (ApiException e) {
                err.println("fieldctl provision: the host refused to register " + id + ": " + e.getMessage()
                        + "; the board was not changed");
                return ExitCodes.REFUSED;
            }
            String psk = Json.text(device, "psk");
            List<String> commands = new ArrayList<>();
            commands.add("provision clear");
            commands.add("provision id " + id);
            commands.add("provision psk " + psk);
            commands.add("provision host " + address);
            for (String[] k : issuers) {
                commands.add("provision issuer " + k[0] + " " + k[1]);
            }
            commands.add("provision commit");
            for (String c : commands) {
                BoardReply r = session.run(c);
                if (!r.ok()) {
                    err.println("fieldctl provision: the board refused '" + (c.startsWith("provision psk") ? "provision psk ..." : c)
                            + "': " + r.errorCode() + " " + r.errorMessage() + ". " + id
                            + " IS registered on the host but the board is not provisioned: fix the cause and provision "
                            + "it with a new id, or remove " + id + " on the host");
                    return ExitCodes.REFUSED;
                }
            }
            out.println("OK provisioned " + id + " (" + board + ") host=" + address + " issuers=" + issuers.size()
                    + "; takes effect when the board restarts");
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("fieldctl provision: " + e.getMessage());
            return ExitCodes.IO;
        } catch (IllegalArgumentException e) {
            err.println("fieldctl provision: the host's answer is unusable: " + e.getMessage());
            return ExitCodes.IO;
        }
    }

    /** @return [kid hex, public key hex] per Ed25519 issuer key the host publishes */
    static List<String[]> issuerKeys(ApiClient host) throws IOException, ApiException {
        List<String[]> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> k : host.issuerKeys().entrySet()) {
            out.add(new String[] {k.getKey(), Hex.encode(k.getValue())});
        }
        if (out.isEmpty()) {
            throw new IOException("the host has no Ed25519 issuer key to give the board");
        }
        return out;
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            if (c >= 0x20) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
