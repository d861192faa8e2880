package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.wellhead.modbus.ModbusMaster;
import io.fieldlink.firmware.wellhead.modbus.ModbusReply;
import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;

/**
 * The wellhead RTU app. Each {@link #scan} (called every {@link WellheadSettings#pollPeriodMs()})
 * reads every channel over Modbus, one read after the other; when the last read completes the
 * cycle is evaluated: report-by-exception, alarms, the shut-in latch and the gas-day totals.
 *
 * <p>A Modbus timeout, CRC error or exception response marks that channel faulty (an event on the
 * change, the cycle goes on with the other channels); its next good read makes it healthy again.
 * A scan started while the previous one is still waiting on the bus is skipped and counted.
 * Event loop only; a scan cycle allocates nothing.
 */
public final class Wellhead {
    private final ChannelSpec[] specs;
    private final WellheadSettings settings;
    private final ModbusMaster bus;
    private final WellheadEvents events;
    private final ReportByException rbe;
    private final AlarmBank alarms;
    private final ShutInLatch latch;
    private final GasDayTotals totals;
    private final long[] values;
    private final boolean[] healthy;
    private final boolean[] faultReported;
    private final Reply reply = new Reply();

    private boolean scanning;
    private int next;
    private long cycleMs;
    private boolean cycleWallTime;
    private int skippedScans;
    private int cycles;

    /**
     * @param settings checked settings
     * @param bus the Modbus master
     * @param valve the surface safety valve (closed here; opened at the first healthy in-range pressure
     *     unless latched)
     * @param authority judges shut-in reset credentials
     * @param events the journal side
     * @param latchedAtBoot true when the well was shut in before the reboot
     */
    public Wellhead(WellheadSettings settings, ModbusMaster bus, SafetyValve valve, ShutInAuthority authority,
            WellheadEvents events, boolean latchedAtBoot) {
        if (settings == null || bus == null || events == null) {
            throw new IllegalArgumentException("settings, bus and events are required");
        }
        this.settings = settings;
        this.specs = settings.channels;
        this.bus = bus;
        this.events = events;
        this.rbe = new ReportByException(specs);
        this.alarms = new AlarmBank(specs, events);
        this.latch = new ShutInLatch(settings.psl, settings.psh, settings.shutInDebounceMs, valve, authority, events,
                latchedAtBoot);
        this.totals = new GasDayTotals(settings.gasDayStartOffsetMs, 5 * settings.pollPeriodMs + 1000, events,
                settings.ratePerLitre);
        this.values = new long[specs.length];
        this.healthy = new boolean[specs.length];
        this.faultReported = new boolean[specs.length];
    }

    /** Starts one poll cycle at {@code nowMs} (wall-clock epoch ms: it stamps every event of the cycle). */
    public void scan(long nowMs) {
        scan(nowMs, true);
    }

    /**
     * Starts one poll cycle.
     *
     * @param nowMs the board time stamping the cycle's events: the wall clock (epoch ms), or the
     *     monotonic clock while the wall time is not known
     * @param wallTime true when {@code nowMs} is wall-clock time; while false the safety logic,
     *     alarms and reports run but the gas-day totals wait (their days need the wall clock)
     */
    public void scan(long nowMs, boolean wallTime) {
        if (scanning) {
            skippedScans++;
            return;
        }
        scanning = true;
        cycleWallTime = wallTime;
        cycleMs = nowMs;
        next = 0;
        readNext();
    }

    /** Answers a shut-in reset from the console or the host. */
    public ResetOutcome reset(ResetRequest request, long nowMs) {
        return latch.reset(request, nowMs);
    }

    private void readNext() {
        ChannelSpec s = specs[next];
        bus.read(s.kind, s.unitId, s.address, s.words, reply);
    }

    private void completed(ModbusStatus status, int[] regs, int count) {
        int ch = next;
        if (status == ModbusStatus.OK && count >= specs[ch].words) {
            values[ch] = specs[ch].decode(regs);
            healthy[ch] = true;
            if (faultReported[ch]) {
                faultReported[ch] = false;
                events.channelFault(ch, false, ModbusStatus.OK, cycleMs);
            }
        } else {
            healthy[ch] = false;
            if (!faultReported[ch]) {
                faultReported[ch] = true;
                events.channelFault(ch, true, status == ModbusStatus.OK ? ModbusStatus.EXCEPTION : status, cycleMs);
            }
        }
        next++;
        if (next < specs.length) {
            readNext();
        } else {
            scanning = false;
            evaluate();
        }
    }

    private void evaluate() {
        long now = cycleMs;
        cycles++;
        for (int ch = 0; ch < specs.length; ch++) {
            if (!healthy[ch]) {
                alarms.interrupt(ch);
                continue;
            }
            if (rbe.offer(ch, values[ch], now)) {
                events.report(ch, values[ch], now);
            }
            alarms.update(ch, values[ch], now);
        }
        int p = settings.shutInChannel;
        latch.evaluate(values[p], healthy[p], now);
        if (!cycleWallTime) {
            return;
        }
        totals.advance(now);
        for (int f = 0; f < 3; f++) {
            int ch = settings.rateChannels[f];
            totals.rate(f, values[ch], healthy[ch]);
        }
    }

    /** @return the channel's last good value (0 before the first) */
    public long value(int channel) {
        return values[channel];
    }

    /** @return true when the channel's last read succeeded */
    public boolean healthy(int channel) {
        return healthy[channel];
    }

    /** @return true while the well is shut in and latched */
    public boolean shutIn() {
        return latch.latched();
    }

    /** @return whether the safety valve is commanded open */
    public boolean valveOpen() {
        return latch.valveOpen();
    }

    /** @return completed poll cycles */
    public int cycles() {
        return cycles;
    }

    /** @return scans skipped because the previous one was still on the bus */
    public int skippedScans() {
        return skippedScans;
    }

    public ReportByException reportByException() {
        return rbe;
    }

    public AlarmBank alarms() {
        return alarms;
    }

    public GasDayTotals totals() {
        return totals;
    }

    private final class Reply implements ModbusReply {
        @Override
        public void done(ModbusStatus status, int[] registers, int count) {
            completed(status, registers, count);
        }
    }
}
