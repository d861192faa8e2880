package io.fieldlink.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.config.HostConfig;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.protocol.record.Ack;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest log as the durability point, through a real host: an Ack comes before any store
 * checkpoint, yet the API reads the acknowledged readings right after it (read-your-writes); a
 * crash image taken between checkpoints (the data directory as {@code kill -9} leaves it) starts
 * with every acknowledged reading, re-applied from the log, exactly once.
 */
class IngestLogRecoveryTest {
    private static final long T0 = 1_763_683_200_000L;
    @TempDir
    Path dir;
    @TempDir
    Path image;

    private static HostServer startNoCheckpoints(Path d) {
        HostConfig c = HostConfig.defaults().with(HostConfig.INGEST_CHECKPOINT_INTERVAL, Duration.ofHours(1))
                .with(HostConfig.INGEST_CHECKPOINT_WRITES, 10_000_000);
        return HostServer.builder().dataDir(d).config(c).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).insecureCoap(0)
                .build().start();
    }

    private static byte[] batch(long first, int n) {
        List<UplinkRecord> records = new ArrayList<>();
        for (long seq = first; seq < first + n; seq++) {
            SenmlPack p = new SenmlPack();
            p.add().name("v").value(seq + 0.25);
            records.add(UplinkRecord.telemetry(seq, T0 + seq * 1000, p));
        }
        return new UplinkBatch(records).encode();
    }

    @Test
    void aDamagedEntryBeforeTheEndOfTheLogStopsStartUpNamingFileAndOffset() throws Exception {
        try (HostServer host = startNoCheckpoints(dir)) {
            HostFixture.provision(host, "r2", "meter");
            CoapEndpoint ep = HostFixture.plainEndpoint();
            try {
                var client = HostFixture.client("coap://127.0.0.1:" + host.coapPort() + "/up?d=r2", ep, Duration.ofSeconds(10));
                for (long first = 1; first <= 15; first += 5) {
                    assertThat(client.post(batch(first, 5), 60).getCode()).isEqualTo(ResponseCode.CHANGED);
                }
            } finally {
                ep.destroy();
            }
            HostFixture.copyTree(dir, image);
        }
        Path segment;
        try (Stream<Path> s = Files.list(image.resolve("ingest-log"))) {
            segment = s.filter(p -> p.toFile().length() > 0).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[20] ^= 0x40; // inside the first entry, with two more after it
        Files.write(segment, bytes);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> startNoCheckpoints(image))
                .isInstanceOf(io.fieldlink.host.store.ingestlog.CorruptLogException.class)
                .hasMessageContaining(segment.toString()).hasMessageContaining("offset 0").hasMessageContaining("CRC mismatch");
        assertThat(Files.readAllBytes(segment)).as("the log is left as it was").isEqualTo(bytes);
    }

    private static long logBytes(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d.resolve("ingest-log"))) {
            return s.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void theApiReadsWhatWasAcknowledgedBeforeAnyCheckpointAndACrashImageReplaysIt() throws Exception {
        int batches = 12;
        try (HostServer host = startNoCheckpoints(dir)) {
            HostFixture.provision(host, "r1", "meter");
            long checkpoints = host.committer().checkpoints();
            CoapEndpoint ep = HostFixture.plainEndpoint();
            try {
                var client = HostFixture.client("coap://127.0.0.1:" + host.coapPort() + "/up?d=r1", ep, Duration.ofSeconds(10));
                for (int b = 0; b < batches; b++) {
                    long first = 1 + b * 5L;
                    CoapResponse r = client.post(batch(first, 5), 60);
                    assertThat(r.getCode()).isEqualTo(ResponseCode.CHANGED);
                    assertThat(Ack.decode(r.getPayload()).acknowledges(first + 4)).isTrue();
                    // read-your-writes: straight after the Ack, through the API, before any checkpoint
                    HostFixture.Reply series = HostFixture.http(host.httpPort(), "GET", "/api/devices/r1/series?channel=v&from="
                            + T0 + "&to=" + (T0 + 86_400_000L), host.operatorKey(), null);
                    assertThat(series.status()).isEqualTo(200);
                    assertThat(series.body()).contains("\"v\":" + (first + 4 + 0.25));
                    assertThat(host.series().readings("r1", "v", 0, Long.MAX_VALUE, 1000)).hasSize((int) (first + 4));
                }
            } finally {
                ep.destroy();
            }
            assertThat(host.committer().checkpoints()).as("no checkpoint while uplinking").isEqualTo(checkpoints);
            assertThat(logBytes(dir)).as("the uplinks are in the ingest log").isGreaterThan(0);
            HostFixture.copyTree(dir, image); // what kill -9 leaves: the store at its last checkpoint, the log after it
        }
        try (HostServer restarted = startNoCheckpoints(image)) {
            List<Reading> rs = restarted.series().readings("r1", "v", 0, Long.MAX_VALUE, 1000);
            assertThat(rs).hasSize(batches * 5);
            for (int i = 0; i < rs.size(); i++) {
                assertThat(rs.get(i).timeMillis()).isEqualTo(T0 + (i + 1) * 1000L);
                assertThat(rs.get(i).value()).isEqualTo(i + 1 + 0.25);
            }
            assertThat(restarted.series().acknowledged("r1", 4).highestContiguous()).isEqualTo(batches * 5L);
            assertThat(restarted.committer().checkpoints()).as("the replay was checkpointed").isGreaterThan(0);
            // the same batch again is a duplicate: nothing stored twice
            CoapEndpoint ep = HostFixture.plainEndpoint();
            try {
                CoapResponse r = HostFixture.client("coap://127.0.0.1:" + restarted.coapPort() + "/up?d=r1", ep,
                        Duration.ofSeconds(10)).post(batch(1, 5), 60);
                assertThat(r.getCode()).isEqualTo(ResponseCode.CHANGED);
            } finally {
                ep.destroy();
            }
            assertThat(restarted.series().readings("r1", "v", 0, Long.MAX_VALUE, 1000)).hasSize(batches * 5);
        }
        // a clean stop checkpoints: the next start has nothing to replay and the old segments are gone
        assertThat(logBytes(image)).isZero();
    }

    @Test
    void alertsSavedBetweenCheckpointsAreLoggedNotCheckpointedAndACrashImageBringsThemBack() throws Exception {
        io.fieldlink.host.alert.Alert first;
        io.fieldlink.host.alert.Alert cleared;
        try (HostServer host = startNoCheckpoints(dir)) {
            HostFixture.provision(host, "a1", "meter");
            long checkpoints = host.committer().checkpoints();
            io.fieldlink.host.alert.AlertBook book = host.foresight().alerts();
            first = book.raise("anomaly/a1/outlier/v", io.fieldlink.host.alert.AlertKind.ANOMALY, "a1", "outlier on v",
                    java.util.Map.of("value", "9"), T0);
            book.raise("anomaly/a1/outlier/w", io.fieldlink.host.alert.AlertKind.ANOMALY, "a1", "outlier on w",
                    java.util.Map.of("value", "7"), T0 + 1);
            cleared = book.clear("anomaly/a1/outlier/w", T0 + 2);
            assertThat(host.committer().checkpoints()).as("alert saves append to the log, no checkpoint each")
                    .isEqualTo(checkpoints);
            HostFixture.copyTree(dir, image);
        }
        try (HostServer restarted = startNoCheckpoints(image)) {
            io.fieldlink.host.alert.AlertBook book = restarted.foresight().alerts();
            assertThat(book.get(first.id())).isEqualTo(first);
            assertThat(book.get(cleared.id())).isEqualTo(cleared);
            assertThat(book.isActive("anomaly/a1/outlier/v")).isTrue();
            assertThat(book.isActive("anomaly/a1/outlier/w")).isFalse();
            // the book knows the replayed alerts: a new one takes a new id, overwriting none
            io.fieldlink.host.alert.Alert next = book.raise("anomaly/a1/outlier/x", io.fieldlink.host.alert.AlertKind.ANOMALY,
                    "a1", "outlier on x", java.util.Map.of(), T0 + 3);
            assertThat(next.id()).isGreaterThan(cleared.id());
            assertThat(book.list(null, "a1", 10)).hasSize(3);
        }
    }
}
