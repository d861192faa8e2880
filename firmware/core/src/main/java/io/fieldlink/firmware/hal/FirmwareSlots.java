package io.fieldlink.firmware.hal;

/**
 * The board's two firmware slots (A/B) and the boot state the boot selector keeps beside them. One
 * slot holds the image running now; an update is written into the other (the <em>inactive</em>
 * slot), checked, then {@linkplain #markPending marked} to be tried at the next boot. The boot
 * selector (the bootloader on a microcontroller, {@code BootSelector} on the JVM) runs before the
 * firmware at every boot: it boots a pending slot at most its trial count of times, and when the
 * image never {@linkplain #confirm confirmed} itself healthy it goes back to the last good slot and
 * remembers the {@linkplain #rolledBackFrom() rolled-back version}.
 *
 * <p>Writes to a slot are not atomic (power may fail after any byte); every change of the boot
 * state is (a power cut leaves the old or the new state, never a mix). Event-loop thread only.
 */
public interface FirmwareSlots {
    /** @return bytes one slot can hold */
    long capacity();

    /** @return the version of the image running now */
    String runningVersion();

    /** @return true while the running image was switched to and has not confirmed it is healthy */
    boolean onTrial();

    /** @return the version that failed its trial and was rolled back from, or null (see {@link #acknowledgeRollback}) */
    String rolledBackFrom();

    /** Forgets {@link #rolledBackFrom()} once it has been reported (atomic). */
    void acknowledgeRollback();

    /**
     * Invalidates the inactive slot before it is rewritten: its version is forgotten and any pending
     * switch to it cancelled (atomic), so a half-written slot is never booted.
     *
     * @throws IllegalStateException while the running image is on trial (the other slot is the good one)
     */
    void eraseInactive();

    /**
     * Writes part of an image into the inactive slot, in order from the first byte to the last.
     *
     * @param offset byte offset in the slot
     * @throws StorageException if the range is outside the slot, the device fails or power is lost
     */
    void writeInactive(long offset, byte[] data, int dataOffset, int length);

    /**
     * @param length bytes from the start of the inactive slot
     * @return their SHA-256 (computed by the binding: a hash engine, a streamed digest)
     */
    byte[] inactiveSha256(long length);

    /**
     * Marks the inactive slot, now holding {@code version}, to be booted next (atomic), for at most
     * {@code trialBoots} boots unless it confirms itself healthy.
     */
    void markPending(String version, int trialBoots);

    /** The running image is healthy: it becomes the good slot (atomic). Does nothing when not on trial. */
    void confirm();

    /** Reboots the board through the boot selector (on the JVM: ends the process for the service manager to restart). */
    void restart();
}
