package io.fieldlink.firmware.pump;

import io.fieldlink.firmware.console.CommandLine;
import io.fieldlink.firmware.console.ConsoleCommand;
import io.fieldlink.firmware.console.Reply;
import io.fieldlink.firmware.kernel.BoardContext;

/**
 * The pump's console commands: {@code scan <token>} and {@code walkin} authorise a fill and need a
 * technician login; {@code stop} ends a fill (it only closes the valve, so it needs no login);
 * {@code sales} and {@code pump} show the day's totals and the dispenser state.
 */
final class PumpCommands {
    private PumpCommands() {
    }

    static void register(BoardContext c, final PumpApp app) {
        c.registerCommand(new ConsoleCommand("scan", "scan <token> - check a booking token and authorise its fill", true) {
            @Override
            public void run(CommandLine line, Reply reply) {
                String token = tokenText(line);
                if (token.length() == 0) {
                    reply.error("usage", "scan <token>");
                    return;
                }
                BookingVerdict v = app.station().scan(token, app.now());
                if (!v.accepted()) {
                    reply.error(v.reason().code(), v.detail());
                    return;
                }
                reply.field("booking", v.tokenId()).field("grams", v.claims().quantityGrams());
            }
        });
        c.registerCommand(new ConsoleCommand("walkin", "walkin - authorise a fill without booking", true) {
            @Override
            public void run(CommandLine line, Reply reply) {
                if (!app.station().walkIn(app.now())) {
                    reply.error("refused", "walk-ins are not allowed here or a fill is in progress");
                    return;
                }
                reply.field("state", app.station().state().name().toLowerCase());
            }
        });
        c.registerCommand(new ConsoleCommand("stop", "stop - end the fill in progress", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                app.station().stop(app.now());
                reply.field("state", app.station().state().name().toLowerCase());
            }
        });
        c.registerCommand(new ConsoleCommand("sales", "sales - today's and yesterday's sales", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                StationTelemetry t = app.station().telemetry();
                reply.field("sales", t.daySales()).field("grams", t.dayGrams()).field("amount_milli", t.dayAmountMilli())
                        .field("prev_sales", t.previousDaySales()).field("prev_grams", t.previousDayGrams())
                        .field("prev_amount_milli", t.previousDayAmountMilli());
            }
        });
        c.registerCommand(new ConsoleCommand("pump", "pump - dispenser state and storage pressure", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                PumpStation s = app.station();
                reply.field("state", s.state().name().toLowerCase()).field("fill_grams", s.fillGrams())
                        .field("storage_mbar", s.telemetry().pressureMbar())
                        .field("storage_low", s.telemetry().storageLow() ? "1" : "0");
            }
        });
    }

    /** The token: the one word after the command, or the raw rest of the line (Base45 may hold blanks). */
    static String tokenText(CommandLine line) {
        if (line.count() == 2) {
            return line.word(1);
        }
        if (line.count() < 2) {
            return "";
        }
        String text = line.text().trim();
        int blank = text.indexOf(' ');
        return text.substring(blank + 1).trim();
    }
}
