package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.console.CommandLine;
import io.fieldlink.firmware.console.ConsoleCommand;
import io.fieldlink.firmware.console.Reply;
import io.fieldlink.firmware.kernel.BoardContext;

/**
 * The wellhead's console commands: {@code shutin} shows the latch and valve, {@code shutin reset}
 * (technician login) asks for a reset, {@code well} shows every channel in milli-units of its unit
 * ({@code fault} when its last read failed), each channel's active alarm levels
 * ({@code <channel>_alarm=LL+L}) and the number of active alarms and faulty channels
 * ({@code alarms=N}); the Modbus channels are the wellhead's, so the kernel's {@code alarms} does not
 * see them.
 */
final class WellheadCommands {
    private WellheadCommands() {
    }

    static void register(BoardContext c, final WellheadApp app) {
        c.registerCommand(new ConsoleCommand("shutin", "shutin [reset] - shut-in latch; reset it (login)", false) {
            @Override
            public boolean needsLogin(CommandLine line) {
                return line.count() > 1;
            }

            @Override
            public void run(CommandLine line, Reply reply) {
                if (line.count() == 1) {
                    Wellhead w = app.wellhead();
                    reply.field("latched", w.shutIn() ? "1" : "0").field("valve", w.valveOpen() ? "open" : "closed");
                } else if (line.count() == 2 && line.word(1).equals("reset")) {
                    ResetOutcome o = app.consoleReset();
                    if (o == ResetOutcome.RESET) {
                        reply.field("latched", "0").field("valve", "open");
                    } else {
                        reply.error(code(o), message(o));
                    }
                } else {
                    reply.error("usage", "shutin [reset]");
                }
            }
        });
        c.registerCommand(new ConsoleCommand("well", "well - every channel's latest value, active alarms and faults", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                Wellhead w = app.wellhead();
                ChannelSpec[] specs = app.settings().channels;
                for (int i = 0; i < specs.length; i++) {
                    if (w.healthy(i)) {
                        reply.field(specs[i].name(), w.value(i));
                    } else {
                        reply.field(specs[i].name(), "fault");
                    }
                }
                int active = 0;
                for (int i = 0; i < specs.length; i++) {
                    String levels = activeLevels(w.alarms(), i);
                    if (levels != null) {
                        reply.field(specs[i].name() + "_alarm", levels);
                        active++;
                    }
                    if (!w.healthy(i)) {
                        active++;
                    }
                }
                reply.field("alarms", active);
                reply.field("cycles", w.cycles());
            }
        });
    }

    /** @return the channel's active levels, e.g. {@code LL+L}, or null when none */
    private static String activeLevels(AlarmBank alarms, int channel) {
        StringBuilder b = null;
        AlarmLevel[] levels = AlarmLevel.values();
        for (int l = 0; l < levels.length; l++) {
            if (alarms.active(channel, levels[l])) {
                if (b == null) {
                    b = new StringBuilder();
                } else {
                    b.append('+');
                }
                b.append(levels[l].name());
            }
        }
        return b == null ? null : b.toString();
    }

    static String code(ResetOutcome o) {
        switch (o) {
            case NOT_LATCHED:
                return "not-latched";
            case REFUSED_UNAUTHORISED:
                return "unauthorised";
            case REFUSED_CONDITION_PRESENT:
                return "condition-present";
            default:
                return "reset";
        }
    }

    private static String message(ResetOutcome o) {
        switch (o) {
            case NOT_LATCHED:
                return "the well is not shut in";
            case REFUSED_UNAUTHORISED:
                return "reset not authorised";
            default:
                return "pressure still outside PSL..PSH or its sensor is faulty";
        }
    }
}
