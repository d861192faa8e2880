package io.fieldlink.firmware.wellhead;

import io.fieldlink.firmware.wellhead.modbus.ModbusStatus;
import java.util.ArrayList;
import java.util.List;

/** Records every wellhead event as a line of text, and the valve. */
final class RecordingWellEvents implements WellheadEvents, SafetyValve {
    final List<String> lines = new ArrayList<>();
    final List<long[]> days = new ArrayList<>();
    boolean valveOpen;
    int valveCommands;

    List<String> starting(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    @Override
    public void report(int channel, long value, long atMs) {
        lines.add("report " + channel + " " + value + " @" + atMs);
    }

    @Override
    public void alarm(int channel, AlarmLevel level, boolean active, long value, long atMs) {
        lines.add("alarm " + channel + " " + level + (active ? " on " : " off ") + value + " @" + atMs);
    }

    @Override
    public void channelFault(int channel, boolean faulty, ModbusStatus status, long atMs) {
        lines.add("fault " + channel + (faulty ? " on " : " off ") + status + " @" + atMs);
    }

    @Override
    public void shutIn(ShutInCause cause, long pressure, long atMs) {
        lines.add("shutIn " + cause + " " + pressure + " @" + atMs);
    }

    @Override
    public void shutInReset(ResetOutcome outcome, ResetRequest.Source source, String principal, long atMs) {
        lines.add("reset " + outcome + " " + source + " " + principal + " @" + atMs);
    }

    @Override
    public void dailyProduction(long dayStartMs, long oil, long gas, long water, long unmeasuredMs) {
        days.add(new long[] {dayStartMs, oil, gas, water, unmeasuredMs});
    }

    @Override
    public void setOpen(boolean open) {
        valveOpen = open;
        valveCommands++;
    }
}
