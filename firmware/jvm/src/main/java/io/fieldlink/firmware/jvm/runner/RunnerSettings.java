package io.fieldlink.firmware.jvm.runner;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.firmware.jvm.gpio.PinMap;
import io.fieldlink.firmware.jvm.modbus.ModbusLink;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one board process is started with (the checked form of {@code fieldlink board}'s
 * options). Identity and host not given here come from the board's provisioned settings; a board
 * with neither runs console-only, ready to be provisioned.
 *
 * @param definition the board
 * @param dataDir where the board's storage areas live
 * @param host the host, or null for the one provisioning stored in the board's settings
 * @param deviceId the device id (PSK identity), or null for the provisioned one
 * @param psk the pre-shared key, or null for the provisioned one (plain CoAP needs none)
 * @param console {@code stdio}, or a serial port path
 * @param consoleBaud the serial console's speed
 * @param modbus the field bus, or null
 * @param modbusTimeoutMillis how long a Modbus read may take
 * @param outputs output name → GPIO pin
 * @param inputs channel name → GPIO pin
 * @param fixedSensors channel name → raw value, for channels with no hardware on a bench
 * @param config board configuration values to store before boot
 * @param trustedKeys issuer keys {key id, public key}, for credit tokens and signed host commands
 * @param meterTelemetryMillis time between the meter's balance/energy records
 * @param timeWarpPort the loopback port a test rig steers the board's clock from ({@code --time-warp}, 0 for
 *     any free port), or -1 for none (a board in the field)
 */
public record RunnerSettings(BoardDefinition definition, Path dataDir, HostAddress host, String deviceId, byte[] psk, String console, int consoleBaud, ModbusLink modbus, int modbusTimeoutMillis,
        PinMap outputs, PinMap inputs, Map<String, Long> fixedSensors, Map<String, String> config,
        List<byte[][]> trustedKeys, long meterTelemetryMillis, int timeWarpPort) {
    /** Sizes of the storage areas, bytes: the journal holds about a week of a wellhead's records offline. */
    public static final Map<String, Integer> STORAGE_LAYOUT = Map.of("journal", 512 * 1024, "snapshot", 8 * 1024,
            "settings", 4 * 1024);

    /** The settings of a board on the operating system's clock (no time warp). */
    public RunnerSettings(BoardDefinition definition, Path dataDir, HostAddress host, String deviceId, byte[] psk, String console,
            int consoleBaud, ModbusLink modbus, int modbusTimeoutMillis, PinMap outputs, PinMap inputs,
            Map<String, Long> fixedSensors, Map<String, String> config, List<byte[][]> trustedKeys, long meterTelemetryMillis) {
        this(definition, dataDir, host, deviceId, psk, console, consoleBaud, modbus, modbusTimeoutMillis, outputs, inputs,
                fixedSensors, config, trustedKeys, meterTelemetryMillis, -1);
    }

    /** @return true if a test rig steers the board's clock */
    public boolean timeWarped() {
        return timeWarpPort >= 0;
    }
}
