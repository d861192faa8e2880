package io.fieldlink.firmware.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.firmware.hal.memory.MemoryHal;

/**
 * A booted meter board whose app does nothing, its console switched to machine mode: for tests of the
 * kernel's built-in console commands.
 */
final class IdleBoard {
    final MemoryHal hal = new MemoryHal();
    final Board board;

    IdleBoard() {
        BoardTest.meterChannels(hal);
        board = BoardTest.wire(hal, new BoardApp() {
            @Override
            public void boot(BoardContext context) {
            }

            @Override
            public void sampleTick(BoardContext context, Readings readings) {
            }

            @Override
            public void shutdown(BoardContext context) {
            }
        }).build();
        board.boot();
        board.loop().runDue();
        hal.console().type("mode machine");
        hal.console().takeOutput();
    }

    /** Types {@code line} and returns the board's one-line answer. */
    String run(String line) {
        hal.console().type(line);
        var out = hal.console().takeOutput();
        assertThat(out).as("one answer to '" + line + "'").hasSize(1);
        return out.get(0);
    }
}
