package io.fieldlink.firmware.update;

import io.fieldlink.firmware.hal.FirmwareSlots;

/**
 * The part of every {@link FirmwareSlots} binding that is only {@link BootState} bookkeeping: read
 * the state, change it, store it. A binding supplies where the state lives ({@link #state()},
 * {@link #store(BootState)}) and the slot images themselves.
 */
public abstract class BootStateSlots implements FirmwareSlots {
    /** @return the boot state as stored now */
    public abstract BootState state();

    /** Stores {@code state} so that a power cut leaves either the old or the new one. */
    protected abstract void store(BootState state);

    @Override
    public String runningVersion() {
        return state().runningVersion();
    }

    @Override
    public boolean onTrial() {
        return state().onTrial();
    }

    @Override
    public String rolledBackFrom() {
        return state().rolledBackFrom();
    }

    @Override
    public void acknowledgeRollback() {
        BootState s = state();
        s.acknowledgeRollback();
        store(s);
    }

    @Override
    public void confirm() {
        BootState s = state();
        if (s.confirm()) {
            store(s);
        }
    }
}
