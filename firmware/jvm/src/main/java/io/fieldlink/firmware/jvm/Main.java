package io.fieldlink.firmware.jvm;

import io.fieldlink.firmware.jvm.pack.PackageCommand;
import io.fieldlink.firmware.jvm.runner.BoardProcess;
import io.fieldlink.firmware.jvm.runner.RunCommand;
import io.fieldlink.firmware.jvm.runner.RunnerSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import org.tinylog.Logger;
import org.tinylog.provider.ProviderRegistry;
import picocli.CommandLine;

/**
 * {@code fieldlink board}: runs one board until Ctrl-C or SIGTERM (a shutdown hook stops it cleanly),
 * or, as {@code fieldlink board package}, builds a flashable image. Exit codes: 0 done, 2 bad options,
 * 3 a port, file or the network could not be used, 4 a firmware update asks the service manager to
 * start the board again (through the boot selector). Help goes to standard output; while a board runs,
 * messages go to standard error (standard output belongs to the stdio console).
 */
public final class Main {
    /** Done. */
    public static final int OK = 0;
    /** Bad options. */
    public static final int USAGE = 2;
    /** A port, file or the network could not be used. */
    public static final int IO = 3;
    /** Restart through the boot selector (a firmware update was installed, or its trial failed). */
    public static final int RESTART = 4;

    private Main() {
    }

    @SuppressForbidden
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("package")) {
            return pack(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        RunCommand options = new RunCommand();
        CommandLine cli = new CommandLine(options);
        RunnerSettings settings;
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(out);
                return OK;
            }
            if (cli.isVersionHelpRequested()) {
                cli.printVersionHelp(out);
                return OK;
            }
            settings = options.settings();
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            err.println("fieldlink board: " + e.getMessage());
            err.println("Try './fieldlink board --help'.");
            return USAGE;
        }
        BoardProcess process = new BoardProcess(settings);
        try {
            process.start();
        } catch (IllegalArgumentException e) {
            err.println("fieldlink board: " + e.getMessage());
            return USAGE;
        } catch (IOException | RuntimeException e) {
            Logger.error(e, "start-up failed");
            err.println("fieldlink board: start-up failed: " + e.getMessage());
            return IO;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.stop();
            try {
                ProviderRegistry.getLoggingProvider().shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fieldlink-board-shutdown"));
        try {
            switch (process.runUntilStopped()) {
                case RESTART:
                    return RESTART;
                case FAILED:
                    return IO;
                default:
                    return OK;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        }
    }

    private static int pack(String[] args, PrintStream out, PrintStream err) {
        PackageCommand options = new PackageCommand();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(out);
                return OK;
            }
            if (cli.isVersionHelpRequested()) {
                cli.printVersionHelp(out);
                return OK;
            }
            out.println(options.run());
            return OK;
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            err.println("fieldlink board package: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("fieldlink board package: " + e.getMessage());
            return IO;
        }
    }
}
