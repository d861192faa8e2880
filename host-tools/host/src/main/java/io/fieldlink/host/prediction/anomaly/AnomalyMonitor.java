package io.fieldlink.host.prediction.anomaly;

import io.fieldlink.boards.ChannelType;
import io.fieldlink.host.json.JsonReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every detector over a stream of readings and events: a {@link ChannelWatch} per (device,
 * sensor channel), and per device the pattern its channels call for (meter theft/reverse energy,
 * pump leak, well leak/blockage). Which channels are sensor channels, and whether they are
 * counters, comes from {@link ChannelKinds} (the board definitions). Mutable, not thread-safe:
 * feed it from one thread.
 */
public final class AnomalyMonitor {
    private static final String[] FLOW_CHANNELS = {"oil_flow", "gas_flow"};
    private final ChannelKinds kinds;
    private final ChannelWatch.Settings settings;
    private final Map<String, ChannelWatch> watches = new HashMap<>();
    private final Map<String, MeterTheftPattern> meters = new HashMap<>();
    private final Map<String, PumpLeakPattern> pumps = new HashMap<>();
    private final Map<String, WellDivergencePattern> wells = new HashMap<>();

    /** Says how to watch a device's channel. */
    @FunctionalInterface
    public interface ChannelKinds {
        /** @return the channel's type, or null when it is not a sensor channel (not watched) */
        ChannelType typeOf(String device, String channel);
    }

    public AnomalyMonitor(ChannelKinds kinds, ChannelWatch.Settings settings) {
        this.kinds = kinds;
        this.settings = settings;
    }

    /** @return findings caused by one reading */
    public List<Finding> reading(String device, String channel, long timeMillis, double value) {
        List<Finding> out = new ArrayList<>();
        ChannelType type = kinds.typeOf(device, channel);
        if (type == ChannelType.ANALOG || type == ChannelType.COUNTER) {
            out.addAll(watches.computeIfAbsent(device + "\u0000" + channel,
                    k -> new ChannelWatch(device, channel, type == ChannelType.COUNTER, settings)).accept(timeMillis, value));
        }
        if (channel.equals(MeterTheftPattern.ENERGY) || channel.equals(MeterTheftPattern.POWER)) {
            out.addAll(meters.computeIfAbsent(device, d -> new MeterTheftPattern(d, 30 * 60_000L, 100, 0.5, 0.8))
                    .accept(channel, timeMillis, value));
        }
        if (channel.equals(PumpLeakPattern.PRESSURE) || channel.equals(PumpLeakPattern.NOZZLE)) {
            out.addAll(pumps.computeIfAbsent(device, d -> new PumpLeakPattern(d, 3_600_000L, 5, 2))
                    .accept(channel, timeMillis, value));
        }
        if (channel.equals(WellDivergencePattern.PRESSURE) || isFlow(channel)) {
            for (String flow : FLOW_CHANNELS) {
                if (channel.equals(flow) || channel.equals(WellDivergencePattern.PRESSURE)) {
                    out.addAll(wells.computeIfAbsent(device + "\u0000" + flow,
                            k -> new WellDivergencePattern(device, flow, 0.15, 48)).accept(channel, timeMillis, value));
                }
            }
        }
        return out;
    }

    /** @return findings caused by one event (a pump sale restarts the leak watch) */
    public List<Finding> event(String device, String type, long timeMillis) {
        return event(device, type, timeMillis, "");
    }

    /**
     * @param body the stored event's JSON body; for the pump's {@code dispense_state} (a SenML string,
     *     {@code {"vs": "idle" | "authorised" | "dispensing"}}) anything but idle restarts the leak
     *     watch, as a sale does: gas is leaving the storage through the dispenser
     * @return findings caused by one event
     */
    public List<Finding> event(String device, String type, long timeMillis, String body) {
        if (type.equals(PumpLeakPattern.DISPENSE_STATE)) {
            PumpLeakPattern p = pumps.get(device);
            if (p != null && isDispensing(body)) {
                return p.activity(timeMillis, "dispensing");
            }
            return List.of();
        }
        if (type.equals(PumpLeakPattern.SALE)) {
            PumpLeakPattern p = pumps.get(device);
            if (p != null) {
                return p.activity(timeMillis, "sale");
            }
        }
        return List.of();
    }

    private static boolean isDispensing(String body) {
        try {
            Object vs = JsonReader.parseObject(body).get("vs");
            return vs instanceof String state && !state.equals("idle");
        } catch (RuntimeException e) {
            return false; // not a dispenser state: nothing to restart
        }
    }

    private static boolean isFlow(String channel) {
        for (String f : FLOW_CHANNELS) {
            if (f.equals(channel)) {
                return true;
            }
        }
        return false;
    }
}
