package io.fieldlink.firmware.console;

import io.fieldlink.firmware.hal.LineReceiver;
import io.fieldlink.firmware.hal.SerialConsole;
import io.fieldlink.firmware.hal.StorageException;
import java.util.ArrayList;
import java.util.List;

/**
 * The console shell: reads lines from the serial console, runs the registered command and writes
 * its reply. Built in: {@code help}, {@code login <pin>}, {@code logout}, {@code mode human|machine}.
 * Commands that change state need a login. In machine mode every line gets exactly one reply line.
 * Unknown commands and bad arguments get a one-line error; nothing a line holds can crash the
 * board (a failing command is reported as {@code ERR failed}). Event-loop thread only.
 */
public final class Shell implements LineReceiver {
    /** Longest line accepted, in characters. */
    public static final int MAX_LINE = 256;

    private final SerialConsole console;
    private final TechnicianLock lock;
    private final List<ConsoleCommand> commands = new ArrayList<ConsoleCommand>();
    private boolean machine;

    /**
     * @param console the serial console (the shell becomes its receiver)
     * @param lock the technician login
     */
    public Shell(SerialConsole console, TechnicianLock lock) {
        this.console = console;
        this.lock = lock;
        console.setReceiver(this);
    }

    /**
     * Adds a command.
     *
     * @param command the command
     * @throws IllegalArgumentException if its name is taken or built in
     */
    public void register(ConsoleCommand command) {
        String n = command.name();
        if (find(n) != null || n.equals("help") || n.equals("login") || n.equals("logout") || n.equals("mode")) {
            throw new IllegalArgumentException("console command " + n + " is already registered");
        }
        commands.add(command);
    }

    @Override
    public void onLine(String line) {
        Reply reply = execute(line);
        if (reply == null) {
            return;
        }
        if (machine) {
            console.writeLine(reply.machineLine());
        } else {
            List<String> lines = reply.humanLines();
            for (int i = 0; i < lines.size(); i++) {
                console.writeLine(lines.get(i));
            }
        }
    }

    /** @return true in machine mode */
    public boolean machineMode() {
        return machine;
    }

    /**
     * Runs one line and returns its reply without writing it (null for a blank line in human mode).
     *
     * @param line the raw line
     * @return the reply
     */
    public Reply execute(String line) {
        Reply reply = new Reply();
        if (line.length() > MAX_LINE) {
            return reply.error("usage", "line longer than " + MAX_LINE + " characters");
        }
        CommandLine cl = CommandLine.parse(line);
        if (cl.error() != null) {
            return reply.error("usage", cl.error());
        }
        if (cl.count() == 0) {
            return machine ? reply.error("usage", "empty line") : null;
        }
        String name = cl.word(0);
        if (name.equals("help")) {
            help(reply);
        } else if (name.equals("login")) {
            login(cl, reply);
        } else if (name.equals("logout")) {
            lock.logout();
            reply.text("logged out");
        } else if (name.equals("mode")) {
            mode(cl, reply);
        } else {
            ConsoleCommand c = find(name);
            if (c == null) {
                return reply.error("unknown", "unknown command '" + name + "'; try help");
            }
            if (c.needsLogin(cl) && !lock.touch()) {
                return reply.error("denied", "log in first: login <pin>");
            }
            try {
                c.run(cl, reply);
            } catch (StorageException e) {
                throw e; // a storage fault is not a command error: the board must reset
            } catch (RuntimeException e) {
                reply.error("failed", name + " failed: " + e.getMessage());
            }
        }
        return reply;
    }

    private void help(Reply reply) {
        reply.text("help - this list").text("login <pin> / logout - technician session")
                .text("mode human|machine - output style");
        StringBuilder names = new StringBuilder("help,login,logout,mode");
        for (int i = 0; i < commands.size(); i++) {
            reply.text(commands.get(i).usage());
            names.append(',').append(commands.get(i).name());
        }
        reply.field("commands", names.toString());
    }

    private void login(CommandLine cl, Reply reply) {
        if (cl.count() != 2) {
            reply.error("usage", "login <pin>");
            return;
        }
        String problem = lock.login(cl.word(1));
        if (problem == null) {
            reply.text("logged in");
        } else {
            reply.error(problem.startsWith("locked") ? "locked" : "badpin", problem);
        }
    }

    private void mode(CommandLine cl, Reply reply) {
        String m = cl.word(1);
        if (cl.count() == 2 && m.equals("machine")) {
            machine = true;
        } else if (cl.count() == 2 && m.equals("human")) {
            machine = false;
        } else {
            reply.error("usage", "mode human|machine");
            return;
        }
        reply.field("mode", m);
    }

    private ConsoleCommand find(String name) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).name().equals(name)) {
                return commands.get(i);
            }
        }
        return null;
    }
}
