package io.fieldlink.hil.rig;

import com.fazecast.jSerialComm.SerialPort;
import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.firmware.jvm.testing.ConsoleClient;
import io.fieldlink.protocol.crypto.Hex;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real board on real ports, configured with system properties (see {@code docs/hil.md}):
 * <ul>
 *   <li>{@code fieldlink.hil.serial.console} — the rig's end of the board's console cable (required;
 *       without it the serial rig is not configured and its tests are skipped);</li>
 *   <li>{@code fieldlink.hil.serial.power} — BCM pin of the relay that switches the board's supply
 *       (high = on);</li>
 *   <li>{@code fieldlink.hil.serial.sense.NAME} — BCM pin wired to the board's output NAME (read back);</li>
 *   <li>{@code fieldlink.hil.serial.modbus} — the rig's end of the wellhead's RS-485 bus, where this rig
 *       serves the sensors as a j2mod RTU slave (unit 1, 9600 8N1).</li>
 * </ul>
 * A relay can only cut the supply: power off is a power cut here. With
 * {@code fieldlink.hil.serial.hostAddress} (this computer's address as the board sees it) the rig
 * provisions the board over its console with the id and PSK the suite's host registered, and the
 * issuer key, at the first power-on (needs the firmware's console {@code provision} command).
 */
public final class SerialRig implements Rig {
    /** System property naming the console port; the serial rig runs only when it is set. */
    public static final String CONSOLE = "fieldlink.hil.serial.console";

    private final RigSpec spec;
    private final BoardDefinition def;
    private final ConsoleClient console;
    private final Context pi4j;
    private final DigitalOutput power;
    private final Map<String, DigitalInput> sense = new HashMap<>();
    private final SimpleProcessImage image;
    private final ModbusSlave slave;
    private boolean provisioned;

    /** @return true when the properties name a console port */
    public static boolean configured() {
        return System.getProperty(CONSOLE) != null;
    }

    public SerialRig(RigSpec spec) throws Exception {
        this.spec = spec;
        this.def = spec.definition();
        this.console = ConsoleClient.open(System.getProperty(CONSOLE));
        this.pi4j = Pi4J.newAutoContext();
        this.power = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id("rig-power")
                .address(Integer.getInteger("fieldlink.hil.serial.power", 4)).initial(DigitalState.LOW).shutdown(DigitalState.LOW));
        for (var o : def.outputs()) {
            Integer pin = Integer.getInteger("fieldlink.hil.serial.sense." + o.name());
            if (pin != null) {
                sense.put(o.name(), pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("rig-sense-" + o.name())
                        .address(pin).pull(PullResistance.PULL_DOWN)));
            }
        }
        String bus = System.getProperty("fieldlink.hil.serial.modbus");
        if (bus != null) {
            image = new SimpleProcessImage(1);
            for (int i = 0; i < 32; i++) {
                image.addRegister(new SimpleRegister(0));
                image.addInputRegister(new SimpleInputRegister(0));
            }
            SerialParameters p = new SerialParameters(bus, 9600, SerialPort.FLOW_CONTROL_DISABLED,
                    SerialPort.FLOW_CONTROL_DISABLED, 8, 1, SerialPort.NO_PARITY, false);
            p.setEncoding(Modbus.SERIAL_ENCODING_RTU);
            slave = ModbusSlaveFactory.createSerialSlave(p);
            slave.addProcessImage(1, image);
            slave.open();
        } else {
            image = null;
            slave = null;
        }
    }

    @Override
    public RigSpec spec() {
        return spec;
    }

    @Override
    public void powerOn() throws InterruptedException {
        power.high();
        awaitConsole();
        String hostAddress = System.getProperty("fieldlink.hil.serial.hostAddress");
        if (hostAddress != null && !provisioned && spec.provisioned()) { // an unprovisioned spec: the scenario provisions it
            provision(hostAddress);
        }
        console.clear();
    }

    private void awaitConsole() {
        Poll.until("the board's console answers after power-on", Duration.ofSeconds(120), () -> {
            console.clear();
            console.send("mode machine");
            try {
                String line = console.next(Duration.ofSeconds(2));
                return line != null && line.equals("OK mode=machine");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        });
    }

    /**
     * Gives the board the identity the suite's host registered (the console's {@code provision}
     * command, as {@code fieldlink ctl provision} does), then reboots it so the identity takes effect.
     */
    private void provision(String hostAddress) throws InterruptedException {
        String[] lines = {"login " + System.getProperty("fieldlink.hil.serial.pin", "4711"),
            "provision id " + spec.deviceId(), "provision psk " + Hex.encode(spec.psk()),
            "provision host coaps://" + hostAddress + ":" + spec.host().coapsPort(),
            "provision issuer " + Hex.encode(spec.issuer().keyId()) + " " + spec.issuer().publicKeyHex(),
            "provision commit"};
        for (String line : lines) {
            console.clear();
            console.send(line);
            String reply = console.next(Duration.ofSeconds(5));
            if (reply == null || !reply.startsWith("OK")) {
                throw new IllegalStateException("provisioning the board failed at '" + line.split(" ")[0] + " "
                        + line.split(" ")[1] + "': " + reply);
            }
        }
        console.send("reboot");
        provisioned = true;
        awaitConsole();
    }

    @Override
    public void powerOff() {
        power.low();
    }

    @Override
    public void powerCut() {
        power.low();
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
    public void sensor(String channel, long raw) {
        if (image == null) {
            throw new UnsupportedOperationException("set fieldlink.hil.serial.modbus to stimulate " + channel);
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
    public long output(String name) {
        DigitalInput in = sense.get(name);
        if (in == null) {
            throw new UnsupportedOperationException("set fieldlink.hil.serial.sense." + name + " to read output " + name + " back");
        }
        return in.state() == DigitalState.HIGH ? 1 : 0;
    }

    @Override
    public void close() {
        power.low();
        console.close();
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
        pi4j.shutdown();
    }
}
