package io.fieldlink.firmware.jvm.gpio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which BCM GPIO number each board channel or output is wired to, from {@code NAME=PIN} entries
 * (command-line options, one per entry). Immutable.
 */
public final class PinMap {
    private final Map<String, Integer> pins;

    private PinMap(Map<String, Integer> pins) {
        this.pins = Collections.unmodifiableMap(pins);
    }

    /** @return a map with no pins */
    public static PinMap none() {
        return new PinMap(new LinkedHashMap<>());
    }

    /**
     * @param entries {@code NAME=PIN} with PIN a BCM number 0..53
     * @return the map
     * @throws IllegalArgumentException naming the malformed or repeated entry
     */
    public static PinMap parse(List<String> entries) {
        Map<String, Integer> pins = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("pin '" + entry + "': expected NAME=BCM_PIN, e.g. relay=17");
            }
            String name = entry.substring(0, eq).trim();
            int pin;
            try {
                pin = Integer.parseInt(entry.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("pin '" + entry + "': '" + entry.substring(eq + 1) + "' is not a GPIO number", e);
            }
            if (pin < 0 || pin > 53) {
                throw new IllegalArgumentException("pin '" + entry + "': GPIO " + pin + " is not in 0..53");
            }
            if (pins.containsKey(name)) {
                throw new IllegalArgumentException("pin '" + entry + "': " + name + " is given twice");
            }
            if (pins.containsValue(pin)) {
                throw new IllegalArgumentException("pin '" + entry + "': GPIO " + pin + " is already used");
            }
            pins.put(name, pin);
        }
        return new PinMap(pins);
    }

    /** @return name → BCM pin, in the order given */
    public Map<String, Integer> pins() {
        return pins;
    }

    /** @return the pin of {@code name}, or null when it is not wired */
    public Integer pin(String name) {
        return pins.get(name);
    }
}
