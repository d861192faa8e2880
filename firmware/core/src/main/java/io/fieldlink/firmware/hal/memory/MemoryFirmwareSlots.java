package io.fieldlink.firmware.hal.memory;

import io.fieldlink.firmware.hal.StorageArea;
import io.fieldlink.firmware.hal.StorageException;
import io.fieldlink.firmware.journal.StateSlots;
import io.fieldlink.firmware.update.BootState;
import io.fieldlink.firmware.update.BootStateSlots;

/**
 * Two firmware slots and the boot state in areas of a {@link MemoryStorage} ({@code fw.a},
 * {@code fw.b}, {@code fw.boot}), so the storage's power cut ({@link MemoryStorage#cutPowerAfter})
 * stops a slot write at any byte and a boot-state change leaves the old or the new state
 * ({@link StateSlots}). {@link #bootSelect()} is the bootloader: call it before building the board
 * at every (simulated) boot; {@link #restart()} only counts and runs the restart action the test set.
 */
public final class MemoryFirmwareSlots extends BootStateSlots {
    private final StorageArea[] slots = new StorageArea[2];
    private final StateSlots boot;
    private final int capacity;
    private Runnable restartAction;
    private int restarts;

    /**
     * Adds the areas and flashes the factory image into slot A (A good and running).
     *
     * @param storage the board's storage (its power cut applies here too)
     * @param capacity bytes per slot
     * @param factoryVersion the factory image's version
     * @param factoryImage the factory image
     */
    public MemoryFirmwareSlots(MemoryStorage storage, int capacity, String factoryVersion, byte[] factoryImage) {
        if (factoryImage.length > capacity) {
            throw new IllegalArgumentException("factory image of " + factoryImage.length + " bytes exceeds the slot");
        }
        this.capacity = capacity;
        storage.addArea("fw.a", capacity).addArea("fw.b", capacity).addArea("fw.boot", 1024);
        slots[BootState.A] = storage.area("fw.a");
        slots[BootState.B] = storage.area("fw.b");
        boot = new StateSlots(storage.area("fw.boot"));
        slots[BootState.A].write(0, factoryImage, 0, factoryImage.length);
        store(BootState.factory(factoryVersion));
    }

    /** @param action what {@link #restart()} does besides counting (e.g. flag the test loop) */
    public void setRestartAction(Runnable action) {
        this.restartAction = action;
    }

    /** @return how often the firmware asked for a restart */
    public int restarts() {
        return restarts;
    }

    /**
     * The bootloader's step at power-on: picks the slot (trial, good, or roll back) and stores the state.
     *
     * @return the slot booted, {@link BootState#A} or {@link BootState#B}
     */
    public int bootSelect() {
        BootState s = state();
        int slot = s.selectForBoot();
        store(s);
        return slot;
    }

    /** @return the boot state as stored now */
    @Override
    public BootState state() {
        boot.recover();
        byte[] b = new byte[boot.stateLength()];
        boot.readState(b, 0);
        return BootState.decode(b, 0, b.length);
    }

    /**
     * @param slot A or B
     * @param length bytes
     * @return a copy of the slot's first bytes
     */
    public byte[] image(int slot, int length) {
        byte[] b = new byte[length];
        slots[slot].read(0, b, 0, length);
        return b;
    }

    @Override
    protected void store(BootState s) {
        byte[] b = s.encode();
        boot.commit(b, 0, b.length);
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public void eraseInactive() {
        BootState s = state();
        s.eraseInactive();
        store(s);
    }

    @Override
    public void writeInactive(long offset, byte[] data, int dataOffset, int length) {
        if (offset < 0 || offset + length > capacity) {
            throw new StorageException("firmware slot: write of " + length + " bytes at " + offset + " exceeds " + capacity);
        }
        slots[state().inactive()].write((int) offset, data, dataOffset, length);
    }

    @Override
    public byte[] inactiveSha256(long length) {
        if (length < 0 || length > capacity) {
            throw new StorageException("firmware slot: digest of " + length + " bytes exceeds " + capacity);
        }
        byte[] b = image(state().inactive(), (int) length);
        return Sha256.digest(b, 0, b.length);
    }

    @Override
    public void markPending(String version, int trialBoots) {
        BootState s = state();
        s.markPending(version, trialBoots);
        store(s);
    }

    @Override
    public void restart() {
        restarts++;
        if (restartAction != null) {
            restartAction.run();
        }
    }
}
