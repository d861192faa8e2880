package io.fieldlink.firmware.wellhead;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Test authority: technician "tech7" with PIN 4711 on the console, host key "host-1" with credential "signed". */
final class PinAuthority implements ShutInAuthority {
    @Override
    public boolean authorises(ResetRequest r) {
        return switch (r.source()) {
            case CONSOLE -> r.principal().equals("tech7") && Arrays.equals(r.credential(), bytes("4711"));
            case HOST -> r.principal().equals("host-1") && Arrays.equals(r.credential(), bytes("signed"));
        };
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ResetRequest console(String tech, String pin) {
        return new ResetRequest(ResetRequest.Source.CONSOLE, tech, bytes(pin));
    }

    static ResetRequest host(String key, String credential) {
        return new ResetRequest(ResetRequest.Source.HOST, key, bytes(credential));
    }
}
