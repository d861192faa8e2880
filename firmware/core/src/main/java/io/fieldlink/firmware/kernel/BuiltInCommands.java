package io.fieldlink.firmware.kernel;

import io.fieldlink.boards.AlarmLevel;
import io.fieldlink.boards.ConfigKey;
import io.fieldlink.boards.ConfigType;
import io.fieldlink.firmware.console.CommandLine;
import io.fieldlink.firmware.console.ConsoleCommand;
import io.fieldlink.firmware.console.Reply;
import io.fieldlink.firmware.console.Shell;
import java.util.List;

/**
 * The console commands every board has: {@code status}, {@code id}, {@code time},
 * {@code config get|set|list}, {@code sensors}, {@code log}, {@code alarms}, {@code reboot},
 * {@code provision}.
 */
final class BuiltInCommands {
    private BuiltInCommands() {
    }

    static void register(final Board board, Shell shell) {
        shell.register(new ConsoleCommand("status", "status - board, boot count, journal, uplink", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                reply.field("board", board.definition().name())
                        .field("device", board.deviceId())
                        .field("boot", board.bootCount())
                        .field("uptime_ms", board.clock().monotonicMillis())
                        .field("journal_unacked", board.journal().unackedCount())
                        .field("journal_next_seq", board.journal().nextSeq())
                        .field("journal_used", board.journal().usedBytes())
                        .field("journal_capacity", board.journal().capacityBytes())
                        .field("uplink", board.uplink() == null ? "none"
                                : board.uplink().hostReachable() ? "up" : "down");
            }
        });
        shell.register(new ConsoleCommand("id", "id - device id, board, firmware", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                reply.field("device", board.deviceId()).field("board", board.definition().name())
                        .field("kind", board.definition().kind().name().toLowerCase())
                        .field("firmware", board.firmwareVersion());
            }
        });
        shell.register(new ConsoleCommand("time", "time - uptime and wall time (epoch ms, set by the host)", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                reply.field("uptime_ms", board.clock().monotonicMillis())
                        .field("wall_known", board.clock().wallTimeKnown() ? "true" : "false");
                if (board.clock().wallTimeKnown()) {
                    reply.field("wall_ms", board.clock().wallMillis());
                }
            }
        });
        shell.register(new ConfigCommand(board));
        shell.register(new io.fieldlink.firmware.provision.ProvisionCommand(board.settings()));
        shell.register(new ConsoleCommand("sensors", "sensors - latest value of every channel", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                Readings r = board.readings();
                for (int i = 0; i < r.count(); i++) {
                    String v = Milli.format(r.milli(i));
                    reply.text(r.channel(i).name() + " = " + v + " " + r.channel(i).unit()
                            + (r.healthy(i) ? "" : " (FAULT)"));
                    reply.field(r.channel(i).name(), r.healthy(i) ? v : "fault");
                }
            }
        });
        shell.register(new ConsoleCommand("log", "log - recent log entries", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                String[] entries = board.log().recent();
                reply.field("count", entries.length);
                for (int i = 0; i < entries.length; i++) {
                    reply.text(entries[i]);
                    reply.field("e" + i, entries[i]);
                }
            }
        });
        shell.register(new ConsoleCommand("alarms", "alarms - channels beyond their alarm limits", false) {
            @Override
            public void run(CommandLine line, Reply reply) {
                Readings r = board.readings();
                int n = 0;
                for (int i = 0; i < r.count(); i++) {
                    if (r.alarm(i) != AlarmLevel.NORMAL) {
                        n++;
                        reply.text(r.channel(i).name() + " " + r.alarm(i).name() + " at " + Milli.format(r.milli(i)));
                        reply.field(r.channel(i).name(), r.alarm(i).name().toLowerCase());
                    }
                }
                reply.field("active", n);
            }
        });
        shell.register(new ConsoleCommand("reboot", "reboot - restart the board (login)", true) {
            @Override
            public void run(CommandLine line, Reply reply) {
                reply.field("rebooting", "true");
                board.requestReboot();
            }
        });
    }

    /** {@code config list}, {@code config get <key>}, {@code config set <key> <value>} (login). */
    private static final class ConfigCommand extends ConsoleCommand {
        private final Board board;

        ConfigCommand(Board board) {
            super("config", "config list | get <key> | set <key> <value> (login)", false);
            this.board = board;
        }

        @Override
        public boolean needsLogin(CommandLine line) {
            return "set".equals(line.word(1));
        }

        @Override
        public void run(CommandLine line, Reply reply) {
            String sub = line.word(1);
            BoardConfig config = board.config();
            if ("list".equals(sub) && line.count() == 2) {
                List<ConfigKey> keys = config.keys();
                for (int i = 0; i < keys.size(); i++) {
                    ConfigKey k = keys.get(i);
                    String v = shown(k, config.get(k.name()));
                    reply.text(k.name() + " = " + v + "  # " + k.description());
                    reply.field(k.name(), v);
                }
            } else if ("get".equals(sub) && line.count() == 3) {
                String key = line.word(2);
                if (!config.has(key)) {
                    reply.error("unknown", "unknown key " + key);
                    return;
                }
                reply.field(key, shown(board.definition().configKey(key), config.get(key)));
            } else if ("set".equals(sub) && line.count() == 4) {
                String problem = config.set(line.word(2), line.word(3));
                if (problem != null) {
                    reply.error(problem.startsWith("unknown") ? "unknown" : "invalid", problem);
                    return;
                }
                reply.field(line.word(2), shown(board.definition().configKey(line.word(2)), line.word(3)));
            } else {
                reply.error("usage", "config list | get <key> | set <key> <value>");
            }
        }

        private static String shown(ConfigKey key, String value) {
            return key.type() == ConfigType.PIN ? "****" : value;
        }
    }
}
