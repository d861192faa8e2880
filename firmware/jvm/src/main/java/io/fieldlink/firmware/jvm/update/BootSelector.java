package io.fieldlink.firmware.jvm.update;

import io.fieldlink.firmware.jvm.SuppressForbidden;
import io.fieldlink.firmware.update.BootState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The JVM board's bootloader, run by the service manager before every start of the board:
 * {@code BootSelector --slots DIR} applies {@link BootState#selectForBoot()} (boot a pending trial
 * while it has boots left, else roll back to the good slot), stores the state atomically and prints
 * the jar to run. A trial slot whose jar is missing or empty counts as failed at once.
 * {@code BootSelector --slots DIR --install VERSION JAR} sets up slot A with the factory image.
 *
 * <p>The packaged image's {@code board-start.sh} (run by its systemd unit, {@code Restart=always})
 * installs the factory image once, runs {@code BootSelector --slots /var/lib/fieldlink/firmware} and
 * starts the board with {@code java -cp "<printed jar>:/opt/fieldlink/lib/*" io.fieldlink.firmware.jvm.Main
 * ...} (see {@code pack.ImagePackager}). Exit codes: 0 done, 2 bad usage, 3 the slots cannot be read
 * or written.
 */
public final class BootSelector {
    private BootSelector() {
    }

    /** @param args see the class comment */
    @SuppressForbidden
    public static void main(String[] args) {
        int code = run(System.out, System.err, args);
        if (code != 0) {
            Runtime.getRuntime().exit(code);
        }
    }

    /**
     * @return the exit code
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        if (args.length < 2 || !args[0].equals("--slots") || (args.length != 2 && !(args.length == 5
                && args[2].equals("--install")))) {
            err.println("usage: BootSelector --slots DIR [--install VERSION JAR]");
            return 2;
        }
        Path dir = Paths.get(args[1]);
        try {
            if (args.length == 5) {
                BootState.checkVersion(args[3]);
                boolean done = FileFirmwareSlots.install(dir, args[3], Paths.get(args[4]));
                out.println(done ? "installed " + args[3] + " in slot A of " + dir : dir + " is already set up; nothing changed");
                return 0;
            }
            Path jar = select(dir);
            out.println(jar.toAbsolutePath());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("BootSelector: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("BootSelector: " + e.getMessage());
            return 3;
        }
    }

    /**
     * One boot's selection: loads, selects, saves, and returns the jar to run.
     *
     * @throws IOException when the state cannot be read or saved, or the good slot's jar is missing
     */
    public static Path select(Path dir) throws IOException {
        BootState s = FileFirmwareSlots.load(dir);
        int slot = s.selectForBoot();
        Path jar = FileFirmwareSlots.slotFile(dir, slot);
        if (s.onTrial() && !usable(jar)) {
            while (s.onTrial()) {
                slot = s.selectForBoot();
            }
            jar = FileFirmwareSlots.slotFile(dir, slot);
        }
        FileFirmwareSlots.save(dir, s);
        if (!usable(jar)) {
            throw new IOException("the good slot " + BootState.name(slot) + " (" + jar + ") holds no image");
        }
        return jar;
    }

    private static boolean usable(Path jar) throws IOException {
        return Files.isRegularFile(jar) && Files.size(jar) > 0;
    }
}
