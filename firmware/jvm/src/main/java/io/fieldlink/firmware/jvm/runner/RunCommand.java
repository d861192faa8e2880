package io.fieldlink.firmware.jvm.runner;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.firmware.jvm.gpio.PinMap;
import io.fieldlink.firmware.jvm.modbus.ModbusLink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldlink board}: the options of one board process, checked into {@link RunnerSettings}.
 * Running them is {@link io.fieldlink.firmware.jvm.Main}'s job.
 */
@Command(name = "fieldlink board", mixinStandardHelpOptions = true, sortOptions = false, version = "fieldlink board 0.1.0",
        description = {"Runs one board (meter, pump, wellhead) on this JVM or Raspberry Pi until Ctrl-C or SIGTERM.",
            "'fieldlink board package --help' builds a flashable image instead."},
        footer = {"", "Exit codes: 0 stopped cleanly, 2 bad options, 3 a port, file or the network could not be used,",
            "4 restart through the boot selector (a firmware update; DATA/firmware holds the slots).",
            "Without --id, --psk-file and --host the board uses what 'fieldlink ctl provision' stored in it;",
            "a board with no id or host yet runs console-only, ready to be provisioned."})
public final class RunCommand {
    @Option(names = "--board", required = true, paramLabel = "NAME", description = "meter, pump, wellhead, or a path to a .board file")
    String board;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the board's storage directory (created when absent)")
    Path data;

    @Option(names = "--host", paramLabel = "URI", description = "coaps://HOST[:PORT] (DTLS-PSK, default port 5684) or coap://HOST[:PORT] (plain, 5683); default: the provisioned host")
    String host;

    @Option(names = "--id", paramLabel = "ID", description = "device id (the DTLS PSK identity); default: the provisioned id")
    String id;

    @Option(names = "--psk-file", paramLabel = "FILE", description = "file with the device's pre-shared key in hex; default: the provisioned PSK")
    Path pskFile;

    @Option(names = "--console", paramLabel = "PORT", defaultValue = "stdio", description = "serial port for the technician console, or stdio (default)")
    String console;

    @Option(names = "--console-baud", paramLabel = "BAUD", defaultValue = "115200", description = "console speed (default 115200, 8N1)")
    int consoleBaud;

    @Option(names = "--modbus", paramLabel = "LINK", description = "field bus: rtu:PORT[:BAUD] (8N1, default 9600) or tcp:HOST[:PORT]; the wellhead's flow computer, or the channels with a Modbus point in the board file (the pump's Coriolis meter, nozzle, storage pressure)")
    String modbus;

    @Option(names = "--modbus-timeout", paramLabel = "MS", defaultValue = "500", description = "Modbus answer timeout, ms (default 500)")
    int modbusTimeout;

    @Option(names = "--output", paramLabel = "NAME=PIN", description = "drive an output on a BCM GPIO pin, e.g. relay=17 (repeatable)")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--input", paramLabel = "NAME=PIN", description = "read a digital or counter channel from a BCM GPIO pin, e.g. tamper=27 (repeatable)")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--sensor", paramLabel = "NAME=RAW", description = "fixed raw value for a channel with no hardware (bench) (repeatable)")
    List<String> sensors = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "store a board configuration value before boot, e.g. report_interval=1min (repeatable)")
    List<String> config = new ArrayList<>();

    @Option(names = "--trusted-keys", paramLabel = "FILE", description = "issuer public keys '<key id hex> <public key hex>' per line (credit tokens, signed host commands)")
    Path trustedKeys;

    @Option(names = "--meter-telemetry", paramLabel = "MS", defaultValue = "60000", description = "meter balance/energy record interval, ms (default 60000)")
    long meterTelemetry;

    @Option(names = "--time-warp", paramLabel = "PORT", description = {"TEST RIGS ONLY: let a HIL rig steer the board's clock from 127.0.0.1:PORT",
        "(0 = any free port, logged): 'advance MS' lines make it jump forward; refused when DATA holds firmware slots"})
    Integer timeWarp;

    /**
     * @return the checked settings
     * @throws IllegalArgumentException naming the first bad option
     */
    public RunnerSettings settings() {
        BoardDefinition definition = BoardFiles.definition(board);
        HostAddress address = host == null ? null : HostAddress.parse(host, "--host");
        if (id != null && (id.isBlank() || id.length() > 64 || !id.chars().allMatch(c -> c > ' ' && c < 127))) {
            throw new IllegalArgumentException("--id '" + id + "': 1..64 printable characters without blanks");
        }
        byte[] psk = pskFile == null ? null : BoardFiles.psk(pskFile);
        if (!console.equals("stdio") && (consoleBaud < 300 || consoleBaud > 4_000_000)) {
            throw new IllegalArgumentException("--console-baud " + consoleBaud + ": not a serial speed");
        }
        if (modbusTimeout < 10 || modbusTimeout > 60_000) {
            throw new IllegalArgumentException("--modbus-timeout " + modbusTimeout + ": expected 10..60000 ms");
        }
        if (meterTelemetry < 1_000) {
            throw new IllegalArgumentException("--meter-telemetry " + meterTelemetry + ": at least 1000 ms");
        }
        if (timeWarp != null && (timeWarp < 0 || timeWarp > 65_535)) {
            throw new IllegalArgumentException("--time-warp " + timeWarp + ": expected a port 0..65535");
        }
        Map<String, Long> fixed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs("--sensor", sensors).entrySet()) {
            try {
                fixed.put(e.getKey(), Long.parseLong(e.getValue()));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("--sensor " + e.getKey() + "=" + e.getValue() + ": not an integer raw value", ex);
            }
        }
        return new RunnerSettings(definition, data, address, id, psk,
                console, consoleBaud, modbus == null ? null : ModbusLink.parse(modbus), modbusTimeout,
                PinMap.parse(outputs), PinMap.parse(inputs), fixed, pairs("--set", config),
                trustedKeys == null ? List.of() : BoardFiles.trustedKeys(trustedKeys), meterTelemetry,
                timeWarp == null ? -1 : timeWarp);
    }

    private static Map<String, String> pairs(String option, List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(option + " '" + entry + "': expected NAME=VALUE");
            }
            String key = entry.substring(0, eq).trim();
            if (out.containsKey(key)) {
                throw new IllegalArgumentException(option + " " + key + " is given twice");
            }
            out.put(key, entry.substring(eq + 1));
        }
        return out;
    }
}
