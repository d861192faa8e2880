package io.fieldlink.firmware.wellhead;

import io.fieldlink.boards.AlarmLimits;
import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.ChannelDefinition;
import io.fieldlink.boards.ModbusPoint;
import io.fieldlink.boards.ModbusType;
import io.fieldlink.firmware.wellhead.modbus.RegisterKind;
import java.util.List;

/**
 * Reads {@link WellheadSettings} from a wellhead board definition: every channel with a Modbus
 * point becomes a {@link ChannelSpec} valued in milli-units of its unit (scale and offset of the board
 * file), with its deadband, integrity period and alarm limits; the poll period is the shortest
 * sample period; {@code tubing_pressure}'s LL / HH are PSL / PSH (as the board file says);
 * {@code oil_flow}, {@code gas_flow}, {@code water_flow} are the rates (units L/h, m3/h or L/d).
 *
 * <p>Settings read from the same definition object with the same gas-day start are shared (they
 * are immutable).
 *
 * <p>The board format has no hysteresis or debounce keys yet: hysteresis is the channel's deadband,
 * debounce two sample periods (also for the shut-in).
 */
public final class WellheadBoard {
    /** The shut-in pressure channel. */
    public static final String SHUT_IN_CHANNEL = "tubing_pressure";

    /**
     * The settings last read, with what they were read from: boards built from the same (immutable)
     * definition and configuration share one settings object and so one set of channel specs (a
     * simulator runs thousands of wellheads from one definition; a device reads it once).
     */
    private static volatile Read last;

    private WellheadBoard() {
    }

    /** Settings and the definition and configuration they were read from; immutable. */
    private static final class Read {
        final BoardDefinition def;
        final int closeHourLocal;
        final long utcOffsetMs;
        final WellheadSettings settings;

        Read(BoardDefinition def, int closeHourLocal, long utcOffsetMs, WellheadSettings settings) {
            this.def = def;
            this.closeHourLocal = closeHourLocal;
            this.utcOffsetMs = utcOffsetMs;
            this.settings = settings;
        }
    }

    /**
     * @param def the board definition
     * @param closeHourLocal the gas day's local start hour (config {@code daily_close_hour})
     * @param utcOffsetMs the site's offset from UTC, ms (e.g. +3 h)
     * @return the checked settings
     * @throws IllegalStateException naming the channel or setting that does not fit
     */
    public static WellheadSettings settings(BoardDefinition def, int closeHourLocal, long utcOffsetMs) {
        Read r = last;
        if (r != null && r.def == def && r.closeHourLocal == closeHourLocal && r.utcOffsetMs == utcOffsetMs) {
            return r.settings;
        }
        WellheadSettings settings = read(def, closeHourLocal, utcOffsetMs);
        last = new Read(def, closeHourLocal, utcOffsetMs, settings);
        return settings;
    }

    private static WellheadSettings read(BoardDefinition def, int closeHourLocal, long utcOffsetMs) {
        WellheadSettings.Builder b = WellheadSettings.builder();
        List<ChannelDefinition> channels = def.channels();
        long poll = Long.MAX_VALUE;
        long shutInDebounce = 0;
        for (int i = 0; i < channels.size(); i++) {
            ChannelDefinition c = channels.get(i);
            ModbusPoint m = c.modbus();
            if (m == null) {
                continue;
            }
            poll = Math.min(poll, c.samplePeriodMillis());
            b.channel(spec(c, m));
            if (c.name().equals(SHUT_IN_CHANNEL)) {
                shutInDebounce = 2 * c.samplePeriodMillis();
            }
        }
        if (poll == Long.MAX_VALUE) {
            throw new IllegalStateException("board " + def.name() + ": no Modbus channels");
        }
        ChannelDefinition p = def.channel(SHUT_IN_CHANNEL);
        if (p == null) {
            throw new IllegalStateException("board " + def.name() + ": no channel " + SHUT_IN_CHANNEL);
        }
        long gasDay = ((closeHourLocal * 3600000L - utcOffsetMs) % 86400000L + 86400000L) % 86400000L;
        return b.pollPeriodMs(poll)
                .shutIn(SHUT_IN_CHANNEL, p.alarms().lowLow(), p.alarms().highHigh(), shutInDebounce)
                .rates("oil_flow", "gas_flow", "water_flow")
                .rateUnits(perLitre(def, "oil_flow"), perLitre(def, "gas_flow"), perLitre(def, "water_flow"))
                .gasDayStartOffsetMs(gasDay)
                .build();
    }

    private static ChannelSpec spec(ChannelDefinition c, ModbusPoint m) {
        RegisterKind kind;
        if (m.function() == 3) {
            kind = RegisterKind.HOLDING;
        } else if (m.function() == 4) {
            kind = RegisterKind.INPUT;
        } else {
            throw new IllegalStateException("channel " + c.name() + ": modbus_function " + m.function()
                    + " is not 3 or 4");
        }
        boolean signed = m.type() == ModbusType.INT16 || m.type() == ModbusType.INT32;
        AlarmLimits a = c.alarms();
        long integrity = c.integrityPeriodMillis() > 0 ? c.integrityPeriodMillis() : 3600000L;
        return ChannelSpec.builder(c.name()).unit(c.unit()).registers(kind, m.slave(), m.register())
                .format(m.type().registers(), signed).scale(c.scaleMicro(), 1000).offset(c.offsetMilli())
                .deadband(c.deadbandMilli()).integrityMs(integrity)
                .limits(a.lowLow(), a.low(), a.high(), a.highHigh()).hysteresis(c.deadbandMilli())
                .debounceMs(2 * c.samplePeriodMillis()).build();
    }

    private static long perLitre(BoardDefinition def, String name) {
        ChannelDefinition c = def.channel(name);
        if (c == null) {
            throw new IllegalStateException("board " + def.name() + ": no channel " + name);
        }
        String unit = c.unit();
        if (unit.equals("L/h")) {
            return 3600000000L; // milli-litres per hour x ms per litre
        }
        if (unit.equals("m3/h")) {
            return 3600000L; // milli-m3 (= litres) per hour x ms per litre
        }
        if (unit.equals("L/d")) {
            return 86400000000L;
        }
        throw new IllegalStateException("channel " + name + ": rate unit " + unit + " is not L/h, m3/h or L/d");
    }
}
