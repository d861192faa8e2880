package io.fieldlink.hil.rig;

import com.fazecast.jSerialComm.SerialPort;
import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.OutputDefinition;
import io.fieldlink.firmware.jvm.testing.ConsoleClient;
import io.fieldlink.firmware.jvm.testing.PtyPair;
import io.fieldlink.firmware.jvm.update.FileFirmwareSlots;
import io.fieldlink.protocol.crypto.Hex;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The board as a separate process, exactly as {@code ./fieldlink board} runs it ({@code java -jar
 * firmware/jvm/target/fieldlink-firmware-jvm.jar}), with its console on one socat pty pair and, for a
 * board whose file puts channels on the field bus (the wellhead's flow computer; the pump's Coriolis
 * meter, nozzle and storage pressure), its Modbus RTU bus on a second pair served by a real j2mod slave.
 * Power off is SIGTERM (the runner's clean stop), a power cut SIGKILL. Outputs are read back from the
 * GPIO binding's {@code output NAME=VALUE} log lines (Pi4J's mock pins live inside the board process).
 * Each boot's log is kept in {@code target/hil-logs/}. A channel off the field bus (the meter's
 * measurements: metering inputs inside the board process) takes only a fixed bench value, set while the
 * board is off and passed as {@code --sensor} at boot.
 *
 * <p>The board reaches its host through a {@link UdpRelay} the rig can cut ({@link #network}), and runs
 * with {@code --time-warp 0}: {@link #passTime} makes its clock jump over the loopback control port
 * the board logs. Each boot starts again on the operating system's clock.
 */
public final class PtyRig implements Rig {
    private static final Pattern OUTPUT = Pattern.compile("output (\\w+)=(-?\\d+)$");
    private static final Pattern RUNNING = Pattern.compile("board \\S+ \\(\\w+\\) running");
    private static final Pattern WARP = Pattern.compile("clock is steered from 127\\.0\\.0\\.1:(\\d+)");

    private final RigSpec spec;
    private final BoardDefinition def;
    private final Path jar;
    private final PtyPair consolePty;
    private final ConsoleClient console;
    private final Map<String, Long> outputs = new ConcurrentHashMap<>();
    private final Map<String, Long> bench = new ConcurrentHashMap<>();
    private final UdpRelay relay;
    private final List<String> bootedSlots = new ArrayList<>();
    private final List<Integer> exits = new ArrayList<>();
    private Path slots;
    private volatile boolean wantedOn;
    private volatile Path currentLog;
    private Exception restartFailure;
    private volatile int warpPort = -1;
    private Socket warp;
    private BufferedReader warpIn;
    private Writer warpOut;
    private PtyPair busPty;
    private ModbusSlave slave;
    private SimpleProcessImage image;
    private Process process;
    private volatile boolean running;
    private final Object logLock = new Object();
    private BufferedReader logReader;
    private int boots;

    public PtyRig(RigSpec spec) throws Exception {
        this.spec = spec;
        this.def = spec.definition();
        this.jar = Path.of(System.getProperty("fieldlink.root", "."), "firmware", "jvm", "target", "fieldlink-firmware-jvm.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the pty rig runs the packaged board (mvn verify builds it)");
        }
        if (spec.provisioned()) {
            Files.writeString(spec.dir().resolve("device.psk"), Hex.encode(spec.psk()) + "\n");
            Files.writeString(spec.dir().resolve("trusted.keys"),
                    Hex.encode(spec.issuer().keyId()) + " " + spec.issuer().publicKeyHex() + "\n");
        }
        relay = new UdpRelay(spec.host().coapsPort());
        consolePty = PtyPair.open(spec.dir(), "console");
        console = ConsoleClient.open(consolePty.b.toString());
        if (hasModbus()) {
            busPty = PtyPair.open(spec.dir(), "bus");
            image = new SimpleProcessImage(1);
            for (int i = 0; i < 32; i++) {
                image.addRegister(new SimpleRegister(0));
                image.addInputRegister(new SimpleInputRegister(0));
            }
            SerialParameters p = new SerialParameters(busPty.b.toString(), 9600, SerialPort.FLOW_CONTROL_DISABLED,
                    SerialPort.FLOW_CONTROL_DISABLED, 8, 1, SerialPort.NO_PARITY, false);
            p.setEncoding(Modbus.SERIAL_ENCODING_RTU);
            slave = ModbusSlaveFactory.createSerialSlave(p);
            slave.addProcessImage(1, image);
            slave.open();
        }
    }

    private boolean hasModbus() {
        return def.channels().stream().anyMatch(c -> c.modbus() != null);
    }

    @Override
    public RigSpec spec() {
        return spec;
    }

    @Override
    public synchronized void powerOn() throws Exception {
        if (process != null) {
            throw new IllegalStateException("already on");
        }
        wantedOn = true;
        Process p = launch();
        Path log = currentLog;
        try {
            Poll.until("the board process reports it runs", Duration.ofSeconds(60), () -> running || !p.isAlive());
        } catch (AssertionError e) {
            throw new IllegalStateException(e.getMessage() + "; its log: " + Files.readString(log), e);
        }
        if (!running && slots == null) {
            drain();
            throw new IllegalStateException("the board process exited with " + p.waitFor() + "; its log: " + Files.readString(log));
        } // an installed board that did not start: the service manager starts it again (see launch)
    }

    /**
     * Starts one board process: for an installed board ({@link #installFactoryImage}) as the image's
     * {@code board-start.sh} does, the boot selector (a process of its own) first, then the board from
     * the slot it chose ({@code java -cp SLOT.jar:lib/* Main}); otherwise {@code java -jar}. Does not wait.
     */
    private synchronized Process launch() throws IOException, InterruptedException {
        for (OutputDefinition o : def.outputs()) {
            outputs.put(o.name(), o.safeValue());
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m"));
        if (slots != null) {
            String lib = jar.resolveSibling("lib") + "/*";
            Process selector = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-cp", jar + File.pathSeparator + lib,
                    "io.fieldlink.firmware.jvm.update.BootSelector", "--slots", slots.toString()).redirectErrorStream(true).start();
            String chosen = new String(selector.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (selector.waitFor() != 0) {
                throw new IllegalStateException("the boot selector failed: " + chosen);
            }
            bootedSlots.add(chosen.endsWith("slot-A.jar") ? "A" : chosen.endsWith("slot-B.jar") ? "B" : chosen);
            cmd.addAll(List.of("-cp", chosen + File.pathSeparator + lib, "io.fieldlink.firmware.jvm.Main"));
        } else {
            cmd.addAll(List.of("-jar", jar.toString()));
        }
        cmd.addAll(List.of("--board", spec.board(), "--data", spec.dir().resolve("data").toString(),
                "--console", consolePty.a.toString(), "--meter-telemetry", Long.toString(RigSpec.METER_TELEMETRY_MS)));
        if (spec.provisioned()) {
            cmd.addAll(List.of("--host", "coaps://127.0.0.1:" + relay.port(), "--id", spec.deviceId(),
                    "--psk-file", spec.dir().resolve("device.psk").toString(),
                    "--trusted-keys", spec.dir().resolve("trusted.keys").toString()));
        } // else: what the console's provision command stored
        if (boots == 0) {
            for (Map.Entry<String, String> e : spec.config().entrySet()) {
                cmd.add("--set");
                cmd.add(e.getKey() + "=" + e.getValue());
            }
        }
        for (Map.Entry<String, Long> e : bench.entrySet()) {
            cmd.add("--sensor");
            cmd.add(e.getKey() + "=" + e.getValue());
        }
        if (busPty != null) {
            cmd.add("--modbus");
            cmd.add("rtu:" + busPty.a + ":9600");
            cmd.add("--modbus-timeout");
            cmd.add("300");
        }
        if (slots == null) { // the time warp is refused on an installed board
            cmd.add("--time-warp");
            cmd.add("0");
        }
        for (OutputDefinition o : def.outputs()) {
            cmd.add("--output");
            cmd.add(o.name() + "=" + (17 + def.outputs().indexOf(o)));
        }
        boots++;
        running = false;
        warpPort = -1;
        Path logs = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "hil-logs"));
        Path log = logs.resolve(spec.deviceId() + "-" + getClass().getSimpleName() + "-boot" + boots + ".log");
        Process p = new ProcessBuilder(cmd).redirectOutput(spec.dir().resolve("board-" + boots + ".out").toFile())
                .redirectError(log.toFile()).start();
        process = p;
        currentLog = log;
        synchronized (logLock) {
            drainLocked();
            if (logReader != null) {
                logReader.close();
            }
            logReader = Files.newBufferedReader(log, StandardCharsets.UTF_8);
        }
        Thread follower = new Thread(() -> follow(p), "board-log-" + boots);
        follower.setDaemon(true);
        follower.start();
        if (slots != null) {
            p.onExit().thenAccept(this::restartIfWanted);
        }
        return p;
    }

    /**
     * The service manager of an installed board ({@code Restart=always}): a board process that ended
     * while the rig wants the board on (an update's exit 4, an image that does not start) is started
     * again through the boot selector.
     */
    private void restartIfWanted(Process ended) {
        synchronized (this) {
            if (!wantedOn || process != ended) {
                return;
            }
            exits.add(ended.exitValue());
            try {
                launch();
            } catch (IOException | RuntimeException e) {
                restartFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Follows the board's log file while the process lives. */
    private void follow(Process p) {
        while (p.isAlive()) {
            drain();
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** Reads the log lines written since the last call: output changes and the start-up line. */
    private void drain() {
        synchronized (logLock) {
            drainLocked();
        }
    }

    private void drainLocked() {
        try {
            String line;
            while (logReader != null && (line = logReader.readLine()) != null) {
                Matcher m = OUTPUT.matcher(line);
                if (m.find()) {
                    outputs.put(m.group(1), Long.parseLong(m.group(2)));
                }
                Matcher w = WARP.matcher(line);
                if (w.find()) {
                    warpPort = Integer.parseInt(w.group(1));
                }
                if (RUNNING.matcher(line).find()) {
                    running = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the board's log", e);
        }
    }

    @Override
    public synchronized void powerOff() throws Exception {
        stop(false);
    }

    @Override
    public synchronized void powerCut() throws Exception {
        stop(true);
    }

    private void stop(boolean cut) throws InterruptedException {
        wantedOn = false;
        if (process == null) {
            return;
        }
        if (cut) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
        closeWarp();
        synchronized (logLock) {
            drainLocked();
            try {
                logReader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            logReader = null;
        }
    }

    /**
     * Sets the board up as an installed image does at its first start ({@code BootSelector --install}):
     * firmware slot A holds the built board jar as {@code version}. From then on every power-on goes
     * through the boot selector, and the rig restarts a board process that ends (see {@link #launch}).
     * Such a board runs without the time warp (it is refused on an installed board).
     */
    public synchronized void installFactoryImage(String version) throws IOException {
        if (process != null) {
            throw new IllegalStateException("install the factory image while the board is off");
        }
        Path dir = spec.dir().resolve("data").resolve("firmware");
        if (!FileFirmwareSlots.install(dir, version, jar)) {
            throw new IllegalStateException(dir + " is already set up");
        }
        slots = dir;
    }

    /** @return the slots the boot selector chose, one per board process started (A or B) */
    public synchronized List<String> bootedSlots() {
        if (restartFailure != null) {
            throw new IllegalStateException("the rig could not restart the board", restartFailure);
        }
        return List.copyOf(bootedSlots);
    }

    /** @return the exit codes of board processes that ended on their own, in order */
    public synchronized List<Integer> exits() {
        return List.copyOf(exits);
    }

    /** Adds an issuer key the board trusts from its next boot (e.g. the host's firmware-signing key). */
    public void trust(byte[] keyId, String publicKeyHex) throws IOException {
        Files.writeString(spec.dir().resolve("trusted.keys"), Hex.encode(keyId) + " " + publicKeyHex + "\n",
                StandardOpenOption.APPEND);
    }

    @Override
    public void consoleIn(String line) {
        console.send(line);
    }

    @Override
    public String consoleOut(Duration timeout) throws InterruptedException {
        return console.next(timeout);
    }

    @Override
    public void clearConsole() {
        console.clear();
    }

    @Override
    public synchronized void sensor(String channel, long raw) {
        if (!stimulates(channel)) {
            if (process == null && def.channel(channel) != null) {
                bench.put(channel, raw); // a bench value, held fixed from the next boot (--sensor)
                return;
            }
            throw new UnsupportedOperationException("the pty rig drives Modbus channels only while the board runs; "
                    + channel + " can be given a fixed bench value while it is off");
        }
        FieldBusRegisters r = FieldBusRegisters.of(def, channel);
        int[] words = r.words(raw);
        for (int i = 0; i < words.length; i++) {
            if (r.holding()) {
                image.getRegister(r.register() + i).setValue(words[i]);
            } else {
                ((SimpleInputRegister) image.getInputRegister(r.register() + i)).setValue(words[i]);
            }
        }
    }

    @Override
    public boolean stimulates(String channel) {
        return image != null && def.channel(channel) != null && def.channel(channel).modbus() != null;
    }

    @Override
    public long output(String name) {
        drain();
        Long v = outputs.get(name);
        if (v == null) {
            throw new IllegalArgumentException("board " + def.name() + " has no output " + name);
        }
        return v;
    }

    @Override
    public boolean warpsTime() {
        return true;
    }

    /** Stops or restarts the relay's forwarding between the board and its host. */
    @Override
    public void network(boolean up) {
        relay.up(up);
    }

    /** Sends {@code advance MS} to the board's time-warp port and waits for its {@code OK}. */
    @Override
    public synchronized void passTime(Duration d) throws Exception {
        if (process == null) {
            throw new IllegalStateException("the board is off: its clock starts again from the OS clock at the next boot");
        }
        if (warp == null) {
            drain();
            if (warpPort < 0) {
                throw new IllegalStateException("the board did not log its time-warp port");
            }
            warp = new Socket(InetAddress.getLoopbackAddress(), warpPort);
            warp.setSoTimeout(60_000);
            warpIn = new BufferedReader(new InputStreamReader(warp.getInputStream(), StandardCharsets.US_ASCII));
            warpOut = new OutputStreamWriter(warp.getOutputStream(), StandardCharsets.US_ASCII);
        }
        warpOut.write("advance " + d.toMillis() + "\n");
        warpOut.flush();
        String answer = warpIn.readLine();
        if (answer == null || !answer.startsWith("OK advanced=" + d.toMillis() + " ")) {
            throw new IllegalStateException("the board's time warp answered '" + answer + "' to advance " + d.toMillis());
        }
    }

    private void closeWarp() {
        if (warp != null) {
            try {
                warp.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        warp = null;
        warpIn = null;
        warpOut = null;
    }

    @Override
    public void close() throws Exception {
        try {
            powerCut();
        } finally {
            relay.close();
            console.close();
            if (slave != null) {
                ModbusSlaveFactory.close(slave);
            }
            consolePty.close();
            if (busPty != null) {
                busPty.close();
            }
        }
    }
}
