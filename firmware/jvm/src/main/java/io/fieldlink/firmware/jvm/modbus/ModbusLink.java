package io.fieldlink.firmware.jvm.modbus;

import java.util.Locale;

/**
 * Where a board's field bus is, as given on the command line: {@code rtu:PORT[:BAUD]} (8N1, default
 * 9600 baud) or {@code tcp:HOST[:PORT]} (default port 502). Immutable.
 *
 * @param rtu true for RTU on a serial port, false for Modbus TCP
 * @param target the serial port path or the TCP host
 * @param number the baud rate (RTU) or the TCP port
 */
public record ModbusLink(boolean rtu, String target, int number) {
    /** Default RTU speed. */
    public static final int DEFAULT_BAUD = 9600;
    /** Default Modbus TCP port. */
    public static final int DEFAULT_TCP_PORT = 502;

    /**
     * @param text {@code rtu:/dev/ttyUSB0:19200}, {@code rtu:/dev/ttyAMA0}, {@code tcp:10.0.0.5:502}, {@code tcp:plc}
     * @return the link
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static ModbusLink parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("modbus link '" + text + "': expected rtu:PORT[:BAUD] or tcp:HOST[:PORT]");
        }
        String scheme = t.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = t.substring(colon + 1);
        if (!scheme.equals("rtu") && !scheme.equals("tcp")) {
            throw new IllegalArgumentException("modbus link '" + text + "': scheme must be rtu or tcp, not " + scheme);
        }
        boolean rtu = scheme.equals("rtu");
        int last = rest.lastIndexOf(':');
        String target = rest;
        int number = rtu ? DEFAULT_BAUD : DEFAULT_TCP_PORT;
        if (last >= 0 && last < rest.length() - 1 && rest.substring(last + 1).chars().allMatch(Character::isDigit)) {
            target = rest.substring(0, last);
            number = Integer.parseInt(rest.substring(last + 1));
        }
        if (target.isEmpty()) {
            throw new IllegalArgumentException("modbus link '" + text + "': no " + (rtu ? "serial port" : "host"));
        }
        if (number <= 0 || (!rtu && number > 65535)) {
            throw new IllegalArgumentException("modbus link '" + text + "': " + (rtu ? "baud rate " : "port ") + number + " is out of range");
        }
        return new ModbusLink(rtu, target, number);
    }

    @Override
    public String toString() {
        return (rtu ? "rtu:" : "tcp:") + target + ":" + number;
    }
}
