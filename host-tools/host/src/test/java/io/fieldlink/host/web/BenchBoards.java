package io.fieldlink.host.web;

import io.fieldlink.host.HostServer;

/** Lets load generators outside this package send one reading as a board over plain CoAP. */
public final class BenchBoards {
    private static final ThreadLocal<PlainBoards> BOARDS = new ThreadLocal<>();

    private BenchBoards() {
    }

    /** Sends {@code channel = value} measured at {@code atMillis} from {@code device}. */
    public static void send(HostServer host, String device, long atMillis, String channel, double value) {
        PlainBoards b = BOARDS.get();
        if (b == null) {
            b = new PlainBoards(host);
            BOARDS.set(b);
        }
        b.readings(device, atMillis, channel, value);
    }
}
