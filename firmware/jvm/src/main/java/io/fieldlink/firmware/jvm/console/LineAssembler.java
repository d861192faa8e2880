package io.fieldlink.firmware.jvm.console;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns console bytes into lines: CR, LF or CRLF end a line; a line longer than the limit is cut and
 * the rest up to the next terminator dropped, so a noisy line cannot grow memory. Not thread-safe:
 * one reader thread feeds it.
 */
final class LineAssembler {
    static final int MAX_LINE = 512;

    private final byte[] line = new byte[MAX_LINE];
    private final Consumer<String> sink;
    private int length;
    private boolean overflowed;
    private boolean lastWasCr;

    LineAssembler(Consumer<String> sink) {
        this.sink = sink;
    }

    void accept(byte[] data, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            byte b = data[i];
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\r' || b == '\n') {
                sink.accept(new String(line, 0, length, StandardCharsets.UTF_8));
                length = 0;
                overflowed = false;
            } else if (length < MAX_LINE) {
                line[length++] = b;
            } else if (!overflowed) {
                overflowed = true;
            }
        }
    }
}
