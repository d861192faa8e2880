package io.fieldlink.firmware.meter;

import io.fieldlink.firmware.console.CommandLine;
import io.fieldlink.firmware.console.ConsoleCommand;
import io.fieldlink.firmware.console.Reply;
import io.fieldlink.firmware.kernel.BoardContext;

/**
 * The meter's console commands: {@code balance}, {@code relay}, {@code tariff}, {@code tamper}
 * (read-only), {@code credit <token>}, {@code emergency} and {@code tamper clear} (technician login).
 * Before the engine runs every command answers {@code error not-ready}. Event-loop thread only.
 */
final class MeterConsole {
    private MeterConsole() {
    }

    static void register(final MeterApp app, BoardContext ctx) {
        ctx.registerCommand(new MeterCommand(app, "balance", "balance - credit, emergency owed and energy", false) {
            @Override
            void run(Meter m, CommandLine line, Reply reply) {
                reply.field("balance", m.balance()).field("emergency_owed", m.emergencyOwed())
                        .field("energy_wh", m.energyWh()).field("relay", m.relayClosed() ? "closed" : "open");
            }
        });
        ctx.registerCommand(new MeterCommand(app, "relay", "relay - relay state and why it is open", false) {
            @Override
            void run(Meter m, CommandLine line, Reply reply) {
                reply.field("relay", m.relayClosed() ? "closed" : "open").field("open_reasons", m.relayOpenReasons());
            }
        });
        ctx.registerCommand(new MeterCommand(app, "tariff", "tariff - tariff in force and pending ones", false) {
            @Override
            void run(Meter m, CommandLine line, Reply reply) {
                reply.field("tariff", m.currentTariff().id()).field("pending", m.pendingTariffCount());
            }
        });
        ctx.registerCommand(new MeterCommand(app, "credit", "credit <token> - enter a credit token", true) {
            @Override
            void run(Meter m, CommandLine line, Reply reply) {
                String text = line.text().trim();
                int space = text.indexOf(' ');
                if (space < 0) {
                    reply.error("usage", "credit <token>");
                    return;
                }
                CreditClaim claim = m.redeem(text.substring(space + 1).trim(), app.now());
                app.driveRelay();
                if (!claim.isOk()) {
                    reply.error(claim.reason(), "token refused");
                    return;
                }
                reply.field("credited", claim.amount()).field("balance", m.balance());
            }
        });
        ctx.registerCommand(new MeterCommand(app, "emergency", "emergency - take emergency credit", true) {
            @Override
            void run(Meter m, CommandLine line, Reply reply) {
                if (!m.takeEmergencyCredit(app.now())) {
                    reply.error("unavailable", "emergency credit is not on offer");
                    return;
                }
                app.driveRelay();
                reply.field("balance", m.balance());
            }
        });
        ctx.registerCommand(new MeterCommand(app, "tamper", "tamper [clear] - latched tamper bits; clear them", false) {
            @Override
            public boolean needsLogin(CommandLine line) {
                return line.count() > 1;
            }

            @Override
            void run(Meter m, CommandLine line, Reply reply) {
                if (line.count() == 1) {
                    reply.field("tamper", m.tamperLatched());
                } else if (line.count() == 2 && "clear".equals(line.word(1))) {
                    reply.field("cleared", m.clearTamper(app.now()));
                    app.driveRelay();
                } else {
                    reply.error("usage", "tamper [clear]");
                }
            }
        });
    }

    /** A command that needs the running engine. */
    private abstract static class MeterCommand extends ConsoleCommand {
        private final MeterApp app;

        MeterCommand(MeterApp app, String name, String usage, boolean changesState) {
            super(name, usage, changesState);
            this.app = app;
        }

        @Override
        public final void run(CommandLine line, Reply reply) {
            Meter m = app.meter();
            if (m == null) {
                reply.error("not-ready", "the meter starts once the wall time is known");
                return;
            }
            run(m, line, reply);
        }

        abstract void run(Meter m, CommandLine line, Reply reply);
    }
}
