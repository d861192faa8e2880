package io.fieldlink.firmware.provision;

import io.fieldlink.firmware.console.CommandLine;
import io.fieldlink.firmware.console.ConsoleCommand;
import io.fieldlink.firmware.console.Reply;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.protocol.crypto.Hex;

/**
 * {@code provision show | id <id> | psk <hex> | host <coaps://host:port> | issuer <kid hex> <key hex> |
 * commit | clear} (login for all but {@code show}). The values are staged, checked as they come, and
 * written together by {@code commit} (one atomic settings commit); {@code clear} drops what was
 * staged. {@code show} never shows the PSK, only whether one is stored. The new identity takes effect
 * at the next start. Event-loop thread only.
 */
public final class ProvisionCommand extends ConsoleCommand {
    private final Settings settings;
    private String id;
    private String psk;
    private String host;
    private final StringBuilder issuers = new StringBuilder();
    private int issuerCount;

    /** @param settings the board's settings */
    public ProvisionCommand(Settings settings) {
        super("provision", "provision show | id <id> | psk <hex> | host <coaps://host:port> | issuer <kid> <key> | commit | clear (login)", true);
        this.settings = settings;
    }

    @Override
    public boolean needsLogin(CommandLine line) {
        return !"show".equals(line.word(1));
    }

    @Override
    public void run(CommandLine line, Reply reply) {
        String sub = line.word(1);
        int n = line.count();
        if ("show".equals(sub) && n == 2) {
            show(reply);
        } else if ("id".equals(sub) && n == 3) {
            String v = line.word(2);
            if (!validId(v)) {
                reply.error("invalid", "id must be 1-64 characters of A-Z a-z 0-9 . _ - starting with a letter or digit");
                return;
            }
            id = v;
            reply.field("id", v);
        } else if ("psk".equals(sub) && n == 3) {
            String v = line.word(2);
            if (!hex(v, 16, 64)) {
                reply.error("invalid", "psk must be 16 to 64 bytes in hex");
                return;
            }
            psk = v.toLowerCase();
            reply.field("psk", "staged");
        } else if ("host".equals(sub) && n == 3) {
            String v = line.word(2);
            if (!(v.startsWith("coaps://") || v.startsWith("coap://")) || v.length() > 200 || v.indexOf(',') >= 0) {
                reply.error("invalid", "host must be coaps://host:port (or coap:// on an insecure test host)");
                return;
            }
            host = v;
            reply.field("host", v);
        } else if ("issuer".equals(sub) && n == 4) {
            String kid = line.word(2);
            String key = line.word(3);
            if (!hex(kid, 1, 32) || !hex(key, 32, 32)) {
                reply.error("invalid", "issuer needs a key id (hex) and a 32-byte Ed25519 public key (64 hex digits)");
                return;
            }
            if (issuerCount >= 8) {
                reply.error("full", "at most 8 issuer keys");
                return;
            }
            if (issuers.length() > 0) {
                issuers.append(',');
            }
            issuers.append(kid.toLowerCase()).append(':').append(key.toLowerCase());
            issuerCount++;
            reply.field("issuers", issuerCount);
        } else if ("commit".equals(sub) && n == 2) {
            if (id == null || psk == null || host == null || issuerCount == 0) {
                reply.error("incomplete", "stage id, psk, host and at least one issuer before commit");
                return;
            }
            settings.put(Provisioning.ID, id);
            settings.put(Provisioning.PSK, psk);
            settings.put(Provisioning.HOST, host);
            settings.put(Provisioning.ISSUERS, issuers.toString());
            settings.commit();
            reply.field("provisioned", id).field("issuers", issuerCount).field("effective", "next start");
            clear();
        } else if ("clear".equals(sub) && n == 2) {
            clear();
            reply.field("staged", "none");
        } else {
            reply.error("usage", usage());
        }
    }

    private void show(Reply reply) {
        Provisioning p = Provisioning.read(settings);
        if (p == null) {
            reply.field("provisioned", "no");
            return;
        }
        reply.field("provisioned", "yes").field("id", p.deviceId()).field("host", p.host())
                .field("issuers", p.issuerKeys().size()).field("psk", "set");
    }

    private void clear() {
        id = null;
        psk = null;
        host = null;
        issuers.setLength(0);
        issuerCount = 0;
    }

    private static boolean validId(String v) {
        if (v.length() == 0 || v.length() > 64) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(String v, int minBytes, int maxBytes) {
        if (v.length() % 2 != 0 || v.length() < 2 * minBytes || v.length() > 2 * maxBytes) {
            return false;
        }
        try {
            Hex.decode(v);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
