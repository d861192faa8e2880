package io.fieldlink.host.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.host.command.CommandOutbox;
import io.fieldlink.host.command.QueuedCommand;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.store.firmware.FileFirmwareStatusStore;
import io.fieldlink.protocol.record.CommandType;
import io.fieldlink.protocol.record.FirmwareNotice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareTrackerTest {
    @TempDir
    Path dir;

    /** A small in-memory outbox (the host's real one is another feature's). */
    static final class MemoryOutbox implements CommandOutbox {
        final List<QueuedCommand> queued = new ArrayList<>();
        final List<FirmwareNotice> notices = new ArrayList<>();

        @Override
        public long queueSigned(String deviceId, CommandType type, byte[] coseSign1) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long queueConfig(String deviceId, String key, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long queueFirmware(String deviceId, FirmwareNotice notice) {
            if (deviceId.equals("ghost")) {
                throw new IllegalArgumentException("unknown device " + deviceId);
            }
            long id = queued.size() + 1;
            queued.add(new QueuedCommand(id, deviceId, CommandType.FIRMWARE_UPDATE, "queued", "", 0));
            notices.add(notice);
            return id;
        }

        @Override
        public List<QueuedCommand> commands(String deviceId) {
            return queued.stream().filter(c -> c.deviceId().equals(deviceId)).toList();
        }
    }

    static Uplink report(String device, long seq, String state, String version, String reason) {
        List<Event> events = new ArrayList<>();
        events.add(new Event("firmware", 1000 + seq, "{\"vs\":\"" + state + "\"}"));
        events.add(new Event("firmware_version", 1000 + seq, "{\"vs\":\"" + version + "\"}"));
        if (reason != null) {
            events.add(new Event("firmware_reason", 1000 + seq, "{\"vs\":\"" + reason + "\"}"));
        }
        return new Uplink(device, seq, List.of(), events, 5000);
    }

    @Test
    void aRolloutOffersTheSignedNoticeAndTheBoardsReportsMoveItsState() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1_763_700_000_000L), ZoneOffset.UTC);
        IssuerKeyPair key = IssuerKeyPair.fromSeed(new byte[32]);
        FirmwareImages images = new FirmwareImages(dir.resolve("firmware"), () -> key, clock);
        images.register("1.1.0", new byte[] {1, 2, 3});
        FirmwareTracker tracker = new FirmwareTracker(new FileFirmwareStatusStore(dir.resolve("status.txt")));
        MemoryOutbox outbox = new MemoryOutbox();
        FirmwareRollout rollout = new FirmwareRollout(images, tracker, outbox, clock);

        assertThat(rollout.rollOut("1.1.0", List.of("m-1", "m-2"))).extracting(FirmwareRollout.Offer::commandId)
                .containsExactly(1L, 2L);
        assertThat(outbox.notices.get(0).signedManifest()).isNotNull();
        assertThat(outbox.notices.get(0).uri()).isEqualTo("fw/1.1.0");
        assertThat(tracker.status("m-1").orElseThrow().state()).isEqualTo("offered");

        tracker.stored(report("m-1", 1, "downloading", "1.1.0", null));
        tracker.stored(report("m-1", 2, "installed", "1.1.0", null));
        tracker.stored(report("m-1", 3, "healthy", "1.1.0", null));
        tracker.stored(report("m-2", 1, "rolled-back", "1.1.0", "not healthy within 3 boots"));
        tracker.stored(new Uplink("m-2", 2, List.of(), List.of(new Event("tamper", 1, "{\"vb\":true}")), 1));

        FirmwareStatus m1 = tracker.status("m-1").orElseThrow();
        assertThat(m1.state()).isEqualTo("healthy");
        assertThat(m1.commandId()).isEqualTo(1);
        FirmwareStatus m2 = tracker.status("m-2").orElseThrow();
        assertThat(m2.state()).isEqualTo("rolled-back");
        assertThat(m2.reason()).isEqualTo("not healthy within 3 boots");

        FirmwareTracker reopened = new FirmwareTracker(new FileFirmwareStatusStore(dir.resolve("status.txt")));
        assertThat(reopened.all()).containsExactlyElementsOf(tracker.all());

        assertThatThrownBy(() -> rollout.rollOut("9.9", List.of("m-1"))).hasMessageContaining("no firmware 9.9");
        assertThatThrownBy(() -> rollout.rollOut("1.1.0", List.of("ghost"))).hasMessageContaining("unknown device");
    }
}
