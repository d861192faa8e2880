package io.fieldlink.host.firmware;

import io.fieldlink.host.command.CommandOutbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolls a registered image out: for each device, queues a firmware update command carrying the
 * image's notice and signed manifest through the {@link CommandOutbox}, and marks the device
 * {@code offered}. Thread-safe.
 */
public final class FirmwareRollout {
    private final FirmwareImages images;
    private final FirmwareTracker tracker;
    private final CommandOutbox outbox;
    private final Clock clock;

    /**
     * @param images the registered images
     * @param tracker the boards' states
     * @param outbox where commands wait for their devices
     * @param clock for the offer time
     */
    public FirmwareRollout(FirmwareImages images, FirmwareTracker tracker, CommandOutbox outbox, Clock clock) {
        this.images = images;
        this.tracker = tracker;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One queued command. @param deviceId the device @param commandId its command id */
    public record Offer(String deviceId, long commandId) {
    }

    /**
     * @param version a registered image
     * @param deviceIds the devices to update (each must be known to the outbox)
     * @return one offer per device, in order
     * @throws IllegalArgumentException when the image is not registered, the list is empty, or the
     *     outbox refuses a device (the devices before it are queued)
     */
    public List<Offer> rollOut(String version, List<String> deviceIds) {
        FirmwareImage image = images.find(version)
                .orElseThrow(() -> new IllegalArgumentException("no firmware " + version + " is registered"));
        if (deviceIds.isEmpty()) {
            throw new IllegalArgumentException("no devices to roll " + version + " out to");
        }
        List<Offer> out = new ArrayList<>();
        for (String id : deviceIds) {
            long command = outbox.queueFirmware(id, image.notice());
            tracker.offered(id, version, command, clock.millis());
            out.add(new Offer(id, command));
        }
        return out;
    }
}
