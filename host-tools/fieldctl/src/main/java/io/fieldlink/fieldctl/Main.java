package io.fieldlink.fieldctl;

import io.fieldlink.fieldctl.serial.ConsoleCommand;
import io.fieldlink.fieldctl.serial.ExecCommand;
import io.fieldlink.fieldctl.serial.PortsCommand;
import io.fieldlink.fieldctl.token.KeyCommand;
import io.fieldlink.fieldctl.token.TokenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * fieldctl: the technician's and operator's command line. Exit codes: 0 done, 1 the board or the
 * check said no (an ERR reply, a rejected token), 2 bad usage, 3 the port or a file could not be used.
 */
@Command(name = "fieldlink ctl", mixinStandardHelpOptions = true, version = "fieldctl 0.1.0",
        description = "Technician and operator CLI: serial console, scripted commands, tokens and keys, ledger verification.",
        subcommands = {PortsCommand.class, ConsoleCommand.class, ExecCommand.class, TokenCommand.class, KeyCommand.class,
            io.fieldlink.fieldctl.ledger.LedgerCommand.class})
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs fieldctl with these arguments and returns its exit code (for tests and scripts). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.IO);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("fieldctl: " + e.getMessage());
            return e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.IO;
        });
        return cli;
    }
}
