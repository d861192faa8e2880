package io.fieldlink.hil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.hil.rig.Poll;
import io.fieldlink.hil.rig.Rig;
import io.fieldlink.hil.rig.RigSpec;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.StoredEvent;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import io.fieldlink.protocol.crypto.Hex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HIL scenarios, written once against {@link Rig}: each concrete subclass says how to build a rig
 * ({@link InProcessHilTest}, {@link PtyHilTest}, {@link SerialHilTest}). Every test starts a real host on
 * loopback, provisions the board on it and drives the board only through the rig: power, console,
 * sensors, outputs.
 */
abstract class HilSuite {
    static final IssuerKeyPair ISSUER = IssuerKeyPair.fromSeed(seed(21));
    static final TokenMint MINT = new TokenMint(ISSUER);
    static final Duration REPLY = Duration.ofSeconds(10);
    static final Duration SLOW = Duration.ofSeconds(150);
    /** Meter rules that disconnect at zero credit whatever the hour and day the suite runs. */
    static final Map<String, String> NO_FRIENDLY_CREDIT = Map.of("friendly_hours", "00:00-00:00", "friendly_days", "",
            "report_interval", "2s");

    @TempDir
    Path dir;
    HostServer host;
    private final List<Rig> rigs = new ArrayList<>();

    /** @return a rig for {@code spec}, not powered */
    abstract Rig newRig(RigSpec spec) throws Exception;

    /** @return the host's address: loopback, except for a real board on the network */
    String hostBindAddress() {
        return "127.0.0.1";
    }

    /** @return the host's CoAPS port: any, except for a real board that was told where its host is */
    int hostCoapsPort() {
        return 0;
    }

    /** @return the device id a scenario uses: its own, except for a real board that has one already */
    String deviceId(String scenarioId) {
        return scenarioId;
    }

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return s;
    }

    @BeforeEach
    void startHost() {
        host = HostServer.builder().dataDir(dir.resolve("host")).bindAddress(hostBindAddress()).httpPort(0)
                .coapsPort(hostCoapsPort()).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (Rig r : rigs) {
                r.close();
            }
        } finally {
            host.close();
        }
    }

    Rig rig(String board, String scenarioId, Map<String, String> config) throws Exception {
        String id = deviceId(scenarioId);
        Device d = host.registry().provision(id, BoardKind.valueOf(board.toUpperCase()), System.currentTimeMillis());
        return rig(new RigSpec(board, id, d.psk(), ISSUER, config, host, Files.createDirectories(dir.resolve(id))));
    }

    Rig rig(RigSpec spec) throws Exception {
        Rig r = newRig(spec);
        rigs.add(r);
        return r;
    }

    /** Sends a line (machine mode) and returns the board's one-line answer. */
    static String ask(Rig rig, String line) throws InterruptedException {
        rig.clearConsole();
        rig.consoleIn(line);
        String reply = rig.consoleOut(REPLY);
        assertThat(reply).as("the board's answer to '" + line + "'").isNotNull();
        return reply;
    }

    /** Asks until the answer satisfies {@code ok}, and returns it. */
    static String askUntil(Rig rig, String line, Predicate<String> ok, String what) {
        String[] last = new String[1];
        try {
            Poll.until(what, SLOW, () -> {
                rig.clearConsole();
                rig.consoleIn(line);
                try {
                    last[0] = rig.consoleOut(REPLY);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return last[0] != null && ok.test(last[0]);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (last answer to '" + line + "': " + last[0] + ")", e);
        }
        return last[0];
    }

    static void bootInMachineMode(Rig rig) throws Exception {
        rig.powerOn();
        assertThat(askUntil(rig, "mode machine", "OK mode=machine"::equals, "the console is in machine mode")).isEqualTo("OK mode=machine");
    }

    static long bootCount(Rig rig) throws InterruptedException {
        String status = ask(rig, "status");
        Matcher m = Pattern.compile(" boot=(\\d+) ").matcher(status);
        assertThat(m.find()).as("status shows the boot count: " + status).isTrue();
        return Long.parseLong(m.group(1));
    }

    static void awaitOutput(Rig rig, String output, long value) {
        Poll.until("output " + output + " reads back " + value, SLOW, () -> rig.output(output) == value);
    }

    @Test
    void theConsoleLogsInShowsStatusAndSpeaksMachineMode() throws Exception {
        Rig meter = rig("meter", "hil-m-console", NO_FRIENDLY_CREDIT);
        meter.powerOn();
        List<String> help = new ArrayList<>();
        Poll.until("the human help lists login", SLOW, () -> {
            meter.clearConsole();
            meter.consoleIn("help");
            help.clear();
            try {
                for (String line = meter.consoleOut(Duration.ofSeconds(2)); line != null; line = meter.consoleOut(Duration.ofMillis(300))) {
                    help.add(line);
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return help.stream().anyMatch(l -> l.startsWith("login <pin>"));
        });
        assertThat(help).as("human mode writes several lines").hasSizeGreaterThan(3).anyMatch(l -> l.startsWith("balance"));

        assertThat(ask(meter, "mode machine")).isEqualTo("OK mode=machine");
        String id = meter.spec().deviceId();
        assertThat(ask(meter, "status")).startsWith("OK board=meter device=" + id + " boot=");
        assertThat(ask(meter, "id")).isEqualTo("OK device=" + id + " board=meter kind=meter firmware=0.1.0");
        assertThat(ask(meter, "frobnicate")).startsWith("ERR unknown");
        assertThat(ask(meter, "config set max_power 5000")).startsWith("ERR denied");
        assertThat(ask(meter, "login 4711")).startsWith("OK");
        assertThat(ask(meter, "config set max_power 5000")).isEqualTo("OK max_power=5000");
        assertThat(ask(meter, "config get pin")).as("the PIN is never shown").isEqualTo("OK pin=****");
        assertThat(ask(meter, "logout")).startsWith("OK");
        assertThat(ask(meter, "config set max_power 6000")).startsWith("ERR denied");
        assertThat(ask(meter, "login 0000")).startsWith("ERR badpin");
        assertThat(ask(meter, "login 4711")).as("a wrong PIN locks the console out").startsWith("ERR locked");
        assertThat(ask(meter, "config get max_power")).isEqualTo("OK max_power=5000");
    }

    @Test
    void aCreditTokenClosesTheRelayTheBalanceSurvivesAPowerCutAndTheTokenIsNotTakenTwice() throws Exception {
        Rig meter = rig("meter", "hil-m-credit", NO_FRIENDLY_CREDIT);
        bootInMachineMode(meter);
        assertThat(askUntil(meter, "balance", r -> r.startsWith("OK "), "the meter runs (wall time from the host)"))
                .startsWith("OK balance=0 ");
        awaitOutput(meter, "relay", 0);
        assertThat(ask(meter, "relay")).startsWith("OK relay=open");

        String id = meter.spec().deviceId();
        long boot = bootCount(meter);
        String token = MINT.credit(id, 1, 25_000);
        assertThat(ask(meter, "credit " + token)).startsWith("ERR denied");
        assertThat(ask(meter, "login 4711")).startsWith("OK");
        assertThat(ask(meter, "credit " + MINT.credit("another-meter", 2, 25_000))).startsWith("ERR ");
        assertThat(ask(meter, "credit " + token)).isEqualTo("OK credited=25000 balance=25000");
        awaitOutput(meter, "relay", 1);

        meter.powerCut();
        bootInMachineMode(meter);
        assertThat(askUntil(meter, "balance", r -> r.startsWith("OK "), "the meter runs again"))
                .startsWith("OK balance=25000 ");
        assertThat(bootCount(meter)).isEqualTo(boot + 1);
        awaitOutput(meter, "relay", 1);
        assertThat(ask(meter, "login 4711")).startsWith("OK");
        assertThat(ask(meter, "credit " + token)).as("the same token after a power cut").startsWith("ERR ");
        assertThat(ask(meter, "balance")).startsWith("OK balance=25000 ");
    }

    @Test
    void theBoardReachesTheHostAndItsRecordsArrive() throws Exception {
        Rig meter = rig("meter", "hil-m-host", NO_FRIENDLY_CREDIT);
        String id = meter.spec().deviceId();
        long before = System.currentTimeMillis();
        bootInMachineMode(meter);

        Poll.until("the host saw the board's hello", SLOW,
                () -> host.registry().find(id).map(d -> d.bootCount() >= 1).orElse(false));
        Poll.until("balance telemetry is stored on the host", SLOW,
                () -> !host.series().readings(id, "balance", 0, Long.MAX_VALUE, 10).isEmpty());
        List<Reading> balance = host.series().readings(id, "balance", 0, Long.MAX_VALUE, 10);
        assertThat(balance).allSatisfy(r -> assertThat(r.timeMillis()).isBetween(before - 5_000, System.currentTimeMillis() + 5_000));
        Poll.until("the board says its uplink is up", SLOW, () -> {
            try {
                return ask(meter, "status").endsWith("uplink=up");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });

        assertThat(ask(meter, "login 4711")).startsWith("OK");
        assertThat(ask(meter, "credit " + MINT.credit(id, 1, 5_000))).startsWith("OK credited=5000");
        Poll.until("the credit redemption reaches the host", SLOW,
                () -> host.series().events(id, 0, Long.MAX_VALUE, 100).size() > 0);
        Poll.until("the journal is acknowledged by the host", SLOW, () -> {
            try {
                return ask(meter, "status").contains(" journal_unacked=0 ");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void anOverpressureShutsTheWellInTheLatchSurvivesAPowerCutAndOnlyATechnicianResetsIt() throws Exception {
        Rig well = rig("wellhead", "hil-w-1", Map.of("report_interval", "2s"));
        well.sensor("tubing_pressure", 5_000);
        well.sensor("casing_pressure", 3_000);
        well.sensor("temperature", 250);
        well.sensor("gas_flow", 100_000);
        bootInMachineMode(well);
        assertThat(askUntil(well, "well", r -> r.startsWith("OK tubing_pressure=5000000 ") && !r.contains("=fault"),
                "the well reads every channel of its flow computer"))
                .contains("casing_pressure=3000000", "temperature=25000", "gas_flow=1000000");
        awaitOutput(well, "shutin_valve", 1);

        well.sensor("tubing_pressure", 14_500); // above PSH 13,800 kPa
        assertThat(askUntil(well, "shutin", "OK latched=1 valve=closed"::equals, "the PSH shut-in trips")).isNotNull();
        awaitOutput(well, "shutin_valve", 0);
        well.sensor("tubing_pressure", 5_000);

        well.powerCut();
        bootInMachineMode(well);
        assertThat(askUntil(well, "well", r -> r.startsWith("OK tubing_pressure=5000000 "), "the well reads again"))
                .isNotNull();
        assertThat(ask(well, "shutin")).as("latched across the power cut").isEqualTo("OK latched=1 valve=closed");
        assertThat(well.output("shutin_valve")).isZero();

        assertThat(ask(well, "shutin reset")).startsWith("ERR denied");
        well.sensor("tubing_pressure", 14_500);
        assertThat(ask(well, "login 4711")).startsWith("OK");
        assertThat(askUntil(well, "shutin reset", r -> r.startsWith("ERR condition-present"), "a reset is refused while the pressure is high"))
                .isNotNull();
        assertThat(well.output("shutin_valve")).isZero();

        well.sensor("tubing_pressure", 5_000);
        assertThat(askUntil(well, "shutin reset", "OK latched=0 valve=open"::equals, "the technician's reset reopens the well"))
                .isNotNull();
        awaitOutput(well, "shutin_valve", 1);

        well.powerOff();
        assertThat(well.output("shutin_valve")).as("a clean power-off closes the valve").isZero();
    }

    /** Pump configuration: the station on the booking tokens, the suite's issuer trusted, fast reports. */
    static Map<String, String> pumpConfig() {
        return Map.of("station_code", "ST01", "issuer_keys", Hex.encode(ISSUER.keyId()) + ":" + ISSUER.publicKeyHex(),
                "report_interval", "1s");
    }

    List<StoredEvent> events(String id, String type) {
        return host.series().events(id, 0, Long.MAX_VALUE, 1_000).stream().filter(e -> e.type().equals(type)).toList();
    }

    static void awaitUplinkUp(Rig rig) {
        askUntil(rig, "status", r -> r.endsWith("uplink=up"), "the board's uplink is up (wall time from the host)");
    }

    @Test
    void thePumpDispensesExactlyTheBookedQuantityAndTheSaleReachesTheHost() throws Exception {
        Rig pump = rig("pump", "hil-p-fill", pumpConfig());
        assertThat(pump.stimulates("flow_pulses") && pump.stimulates("nozzle"))
                .as("the rig drives the pump's flow meter and nozzle while it runs").isTrue();
        pump.sensor("flow_pulses", 1_234); // the meter's totaliser at boot: not a sale
        pump.sensor("dispensed_mass", 0);
        pump.sensor("storage_pressure", 2_300);
        pump.sensor("nozzle", 0);
        bootInMachineMode(pump);
        askUntil(pump, "pump", r -> r.startsWith("OK "), "the pump answers");
        awaitUplinkUp(pump);
        String id = pump.spec().deviceId();

        long nowS = System.currentTimeMillis() / 1000;
        String token = MINT.booking("ST01", 42, 5_000, nowS - 60, nowS + 3_600, nowS + 7_200, 0);
        assertThat(ask(pump, "scan " + token)).as("scanning needs a login").startsWith("ERR denied");
        assertThat(ask(pump, "login 4711")).startsWith("OK");
        assertThat(ask(pump, "scan " + MINT.booking("OTHER", 43, 5_000, nowS - 60, nowS + 3_600, nowS + 7_200, 0)))
                .as("a booking for another station").startsWith("ERR ");
        assertThat(ask(pump, "scan " + token)).isEqualTo("OK booking=42 grams=5000");
        assertThat(pump.output("valve")).as("the valve waits for the nozzle").isZero();

        pump.sensor("nozzle", 1);
        awaitOutput(pump, "valve", 1);
        long pulses = 0;
        while (pump.output("valve") == 1 && pulses < 10_000) {
            pulses += 700; // 1,000 pulses per kg: 1 pulse = 1 g; the last step overshoots the booking
            pump.sensor("flow_pulses", 1_234 + pulses);
            long expected = Math.min(pulses, 5_000);
            askUntil(pump, "pump", r -> r.contains("fill_grams=" + expected + " "), "the board counted " + expected + " g");
        }
        assertThat(pulses).as("the valve closed when the booked grams were reached, not before").isGreaterThanOrEqualTo(5_000);
        assertThat(pump.output("valve")).as("the valve closes at the booked quantity").isZero();
        pump.sensor("flow_pulses", 1_234 + pulses + 300); // the meter's run-on after the valve closed is not sold
        pump.sensor("nozzle", 0);

        Poll.until("the sale reaches the host", SLOW, () -> !events(id, "sale").isEmpty());
        assertThat(events(id, "sale")).singleElement().satisfies(e -> assertThat(e.body()).contains("\"tokenId\":42")
                .contains("\"grams\":5000").contains("\"amount\":425000"));
        Poll.until("the booking verdict reaches the host", SLOW,
                () -> events(id, "token-redemption").stream().anyMatch(e -> e.body().contains("\"accepted\":true")));
        assertThat(ask(pump, "scan " + token)).as("a booking is dispensed once").startsWith("ERR ");
    }

    @Test
    void anUnprovisionedBoardIsProvisionedOverItsSerialConsoleAndThenReachesTheHost() throws Exception {
        String id = deviceId("hil-m-prov");
        Device d = host.registry().provision(id, BoardKind.METER, System.currentTimeMillis());
        Rig meter = rig(new RigSpec("meter", id, null, ISSUER, NO_FRIENDLY_CREDIT, host, Files.createDirectories(dir.resolve(id))));
        bootInMachineMode(meter);
        assertThat(ask(meter, "id")).as("no identity before provisioning").startsWith("OK device=unprovisioned ");
        assertThat(ask(meter, "provision show")).isEqualTo("OK provisioned=no");
        assertThat(ask(meter, "provision id " + id)).as("provisioning needs a login").startsWith("ERR denied");
        assertThat(ask(meter, "login 4711")).startsWith("OK");
        assertThat(ask(meter, "provision commit")).as("nothing staged").startsWith("ERR incomplete");
        assertThat(ask(meter, "provision psk 12zz")).as("a bad PSK").startsWith("ERR invalid");
        assertThat(ask(meter, "provision id " + id)).isEqualTo("OK id=" + id);
        assertThat(ask(meter, "provision psk " + Hex.encode(d.psk()))).isEqualTo("OK psk=staged");
        assertThat(ask(meter, "provision host coaps://127.0.0.1:" + host.coapsPort())).isEqualTo("OK host=coaps://127.0.0.1:" + host.coapsPort());
        assertThat(ask(meter, "provision issuer " + Hex.encode(ISSUER.keyId()) + " " + ISSUER.publicKeyHex())).isEqualTo("OK issuers=1");
        assertThat(ask(meter, "provision commit")).isEqualTo("OK provisioned=" + id + " issuers=1 effective=\"next start\"");
        assertThat(ask(meter, "provision show")).as("the PSK is never shown")
                .isEqualTo("OK provisioned=yes id=" + id + " host=coaps://127.0.0.1:" + host.coapsPort() + " issuers=1 psk=set");
        assertThat(host.registry().find(id).map(Device::bootCount).orElse(-1L)).as("the host has not heard of it yet (no hello)").isEqualTo(-1L);

        meter.powerOff();
        bootInMachineMode(meter);
        assertThat(ask(meter, "id")).startsWith("OK device=" + id + " board=meter ");
        Poll.until("the host saw the provisioned board's hello", SLOW,
                () -> host.registry().find(id).map(dev -> dev.bootCount() >= 1).orElse(false));
        awaitUplinkUp(meter);
        Poll.until("its telemetry is stored on the host", SLOW,
                () -> !host.series().readings(id, "balance", 0, Long.MAX_VALUE, 10).isEmpty());
        assertThat(ask(meter, "login 4711")).startsWith("OK");
        assertThat(ask(meter, "credit " + MINT.credit(id, 7, 1_000))).as("it trusts the provisioned issuer")
                .isEqualTo("OK credited=1000 balance=1000");
    }

    /** A steady 5 kW load on a meter: every measurement channel healthy. */
    static void steadyLoad(Rig meter) {
        meter.sensor("voltage", 2_300);
        meter.sensor("current", 21_700);
        meter.sensor("power_factor", 1_000);
        meter.sensor("frequency", 5_000);
        meter.sensor("active_power", 5_000);
    }

    static long balance(String answer) {
        Matcher m = Pattern.compile("^OK balance=(-?\\d+) ").matcher(answer);
        assertThat(m.find()).as("a balance answer: " + answer).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aMeterUnderLoadRunsToZeroOpensItsRelayAndACreditTokenClosesIt() throws Exception {
        // 5,000,000 milli-units per kWh at 5 kW: about 7,000 milli-units a second; no emergency credit
        Map<String, String> config = new java.util.HashMap<>(NO_FRIENDLY_CREDIT);
        config.put("tariff_bands", "00:00-24:00=5000000");
        config.put("emergency_credit", "0");
        config.put("emergency_threshold", "0");
        config.put("low_credit_warning", "0");
        Rig meter = rig("meter", "hil-m-zero", config);
        steadyLoad(meter);
        bootInMachineMode(meter);
        awaitUplinkUp(meter);
        String id = meter.spec().deviceId();
        assertThat(ask(meter, "login 4711")).startsWith("OK");
        assertThat(ask(meter, "credit " + MINT.credit(id, 1, 20_000))).startsWith("OK credited=20000 balance=");
        awaitOutput(meter, "relay", 1);

        String drained = askUntil(meter, "balance", r -> r.startsWith("OK ") && balance(r) <= 0, "the load runs the balance to zero");
        // the relay opens at the sample that takes the balance to zero or below; energy is charged in whole Wh (5,000
        // milli-units), 1 or 2 per 1 s tick at 5 kW, so the balance lands on 0 or 5,000 below, lower only when a tick is
        // late: at most one sample's energy (a gap is clamped to 5 s: 5 kW x 5 s < 7 Wh) was delivered past zero
        assertThat(balance(drained)).as("the balance stops at zero, at most one sample's charge below").isBetween(-35_000L, 0L);
        awaitOutput(meter, "relay", 0);
        assertThat(ask(meter, "relay")).startsWith("OK relay=open");

        String credited = ask(meter, "credit " + MINT.credit(id, 2, 2_000_000));
        assertThat(credited).startsWith("OK credited=2000000 balance=");
        awaitOutput(meter, "relay", 1);
        assertThat(balance(askUntil(meter, "balance", r -> r.startsWith("OK "), "the meter answers")))
                .as("the new credit is being used").isBetween(1L, 2_000_000L);
    }

    @Test
    void powerCutsWhileCreditTokensAreRedeemedLoseNothingAndCountNothingTwice() throws Exception {
        Rig meter = rig("meter", "hil-m-cuts", NO_FRIENDLY_CREDIT);
        bootInMachineMode(meter);
        String id = meter.spec().deviceId();
        long amount = 3_000;
        int rounds = 6;
        long credited = 0;
        for (int i = 1; i <= rounds; i++) {
            String token = MINT.credit(id, 100 + i, amount);
            assertThat(ask(meter, "login 4711")).startsWith("OK");
            meter.clearConsole();
            meter.consoleIn("credit " + token);
            if (i % 2 == 0) {
                // the cut lands once the balance write has answered (durable, or the answer lied)
                assertThat(meter.consoleOut(REPLY)).startsWith("OK credited=" + amount);
            } // odd rounds: the supply goes while the line is in flight or the write is under way
            meter.powerCut();

            bootInMachineMode(meter);
            long afterCut = balance(askUntil(meter, "balance", r -> r.startsWith("OK "), "the meter runs after cut " + i));
            assertThat(afterCut).as("after cut %d the balance holds whole tokens only", i).isIn(credited, credited + amount);
            assertThat(ask(meter, "login 4711")).startsWith("OK");
            String again = ask(meter, "credit " + token);
            if (afterCut == credited) {
                assertThat(again).as("a token the cut undid is taken again").isEqualTo("OK credited=" + amount + " balance=" + (credited + amount));
            } else {
                assertThat(again).as("a token the balance holds is not taken twice").startsWith("ERR ");
            }
            credited += amount;
            assertThat(balance(ask(meter, "balance"))).as("balance = credit - charges (no load) after round %d", i).isEqualTo(credited);
        }
        meter.powerCut();
        bootInMachineMode(meter);
        assertThat(balance(askUntil(meter, "balance", r -> r.startsWith("OK "), "the meter runs"))).isEqualTo(rounds * amount);
    }

    @Test
    void aWeekOfflineIsBackfilledWhenTheLinkReturns() throws Exception {
        Rig meter = rig("meter", "hil-m-week", NO_FRIENDLY_CREDIT);
        assumeTrue(meter.warpsTime(), "this rig cannot cut the board's network and steer its clock");
        String id = meter.spec().deviceId();
        bootInMachineMode(meter);
        awaitUplinkUp(meter);
        Poll.until("the journal is acknowledged", SLOW, () -> status(meter).contains(" journal_unacked=0 "));
        long offlineFrom = System.currentTimeMillis();
        long before = host.series().readings(id, "balance", 0, Long.MAX_VALUE, 100_000).size();

        meter.network(false);
        for (int hour = 0; hour < 7 * 24; hour++) {
            meter.passTime(Duration.ofHours(1));
        }
        String offline = status(meter);
        assertThat(offline).as("a week of records waits in the journal").doesNotContain(" journal_unacked=0 ");
        assertThat(host.series().readings(id, "balance", 0, Long.MAX_VALUE, 100_000)).as("nothing arrived while offline")
                .hasSize((int) before);

        meter.network(true);
        // the board retries at its backoff cap (an hour of its time): let that hour pass, then it drains in real time
        meter.passTime(Duration.ofMinutes(61));
        Poll.until("the week's journal is acknowledged by the host", SLOW, () -> status(meter).contains(" journal_unacked=0 "));
        List<Reading> week = host.series().readings(id, "balance", offlineFrom + 1, Long.MAX_VALUE, 100_000);
        assertThat(week).as("one telemetry pack per hour of the offline week (the board's clock jumped an hour at a time)"
                + " reached the host, stamped when it was taken").hasSizeGreaterThanOrEqualTo(7 * 24);
        long first = week.get(0).timeMillis();
        long last = week.get(week.size() - 1).timeMillis();
        assertThat(last - first).as("the backfill spans the week").isGreaterThanOrEqualTo(Duration.ofDays(7).toMillis() - Duration.ofHours(1).toMillis());
    }

    static String status(Rig rig) {
        try {
            return ask(rig, "status");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
