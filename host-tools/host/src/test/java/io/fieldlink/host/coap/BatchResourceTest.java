package io.fieldlink.host.coap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostServer;
import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.record.Ack;
import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.AlarmLevel;
import io.fieldlink.protocol.record.Sale;
import io.fieldlink.protocol.record.ShutIn;
import io.fieldlink.protocol.record.TokenRedemption;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlPack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A board posts uplink batches to {@code up} over real DTLS on loopback. */
class BatchResourceTest {
    private static final long T0 = 1_763_683_200_000L; // 2025-11-21T00:00:00Z, epoch ms
    @TempDir
    Path dir;
    HostServer host;
    byte[] psk;
    final List<CoapEndpoint> endpoints = new ArrayList<>();

    @BeforeEach
    void start() {
        host = HostFixture.start(dir);
        psk = HostFixture.provision(host, "w1", "wellhead");
    }

    @AfterEach
    void stop() {
        endpoints.forEach(CoapEndpoint::destroy);
        host.close();
    }

    private CoapClient up(String pathAndQuery) {
        CoapEndpoint ep = HostFixture.dtlsEndpoint("w1", psk);
        endpoints.add(ep);
        return HostFixture.client("coaps://127.0.0.1:" + host.coapsPort() + "/" + pathAndQuery, ep, Duration.ofSeconds(10));
    }

    private static UplinkRecord telemetry(long seq, long at, double tubing) {
        SenmlPack p = new SenmlPack();
        p.add().baseName("w1:").name("tubing").unit("kPa").value(tubing).time(-60);
        p.add().name("casing").unit("kPa").value(900);
        return UplinkRecord.telemetry(seq, at, p);
    }

    private static byte[] batch(UplinkRecord... records) {
        return new UplinkBatch(List.of(records)).encode();
    }

    private static byte[] fullBatch() {
        return batch(telemetry(1, T0 + 5_000, 4100.5),
                UplinkRecord.event(2, T0 + 6_000, new Alarm("w1:tubing", AlarmLevel.HIGH_HIGH, 9800, true)),
                UplinkRecord.event(3, T0 + 7_000, ShutIn.latched(ShutIn.CAUSE_PSH, 9850.5)),
                UplinkRecord.event(4, T0 + 8_000, new Sale(77, 4_200, 950_000, 3_990_000, T0 + 1_000, T0 + 8_000, 2)),
                UplinkRecord.event(5, T0 + 9_000, new TokenRedemption(77, TokenRedemption.KIND_BOOKING, 0, 4_200)));
    }

    private Ack post(CoapClient c, byte[] payload) throws Exception {
        CoapResponse r = c.post(payload, 60);
        assertThat(r).isNotNull();
        assertThat(r.getCode()).as(r.getResponseText()).isEqualTo(ResponseCode.CHANGED);
        assertThat(r.getOptions().getContentFormat()).isEqualTo(60);
        return Ack.decode(r.getPayload());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> api(String what) {
        HostFixture.Reply r = HostFixture.http(host.httpPort(), "GET", "/api/devices/w1/" + what + "&from=0&to=" + (T0 + 86_400_000L),
                host.operatorKey(), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (List<Map<String, Object>>) r.json().get(what.startsWith("series") ? "points" : "events");
    }

    @Test
    void batchIsAckedAndQueryableWithItsOriginalTimestamps() throws Exception {
        Ack ack = post(up("up"), fullBatch());
        assertThat(ack.highestContiguous()).isEqualTo(5);
        assertThat(ack.ranges()).isEmpty();
        List<Map<String, Object>> tubing = api("series?channel=w1:tubing");
        assertThat(tubing).hasSize(1);
        assertThat(tubing.get(0).get("t")).isEqualTo(Instant.ofEpochMilli(T0 + 5_000 - 60_000).toString());
        assertThat(tubing.get(0).get("v").toString()).isEqualTo("4100.5");
        assertThat(api("series?channel=w1:casing").get(0).get("t")).isEqualTo(Instant.ofEpochMilli(T0 + 5_000).toString());
        List<Map<String, Object>> events = api("events?x=1");
        assertThat(events).extracting(e -> e.get("type")).containsExactly("alarm", "shut-in", "sale", "token-redemption");
        assertThat(events).extracting(e -> e.get("t")).containsExactly(Instant.ofEpochMilli(T0 + 6_000).toString(),
                Instant.ofEpochMilli(T0 + 7_000).toString(), Instant.ofEpochMilli(T0 + 8_000).toString(),
                Instant.ofEpochMilli(T0 + 9_000).toString());
        assertThat(events).extracting(e -> e.get("seq").toString()).containsExactly("2", "3", "4", "5");
        assertThat((String) events.get(2).get("body")).contains("\"grams\":4200").contains("\"amount\":3990000")
                .contains("\"pump\":2");
        assertThat((String) events.get(0).get("body")).contains("\"level\":\"HH\"").contains("\"raised\":true");
        assertThat(host.registry().find("w1").orElseThrow().lastSeen()).isPositive();
    }

    @Test
    void seriesRollupsAndEventsComeAsCsvToo() throws Exception {
        post(up("up"), fullBatch());
        String range = "&from=0&to=" + (T0 + 86_400_000L) + "&format=csv";
        HostFixture.Reply raw = HostFixture.http(host.httpPort(), "GET", "/api/devices/w1/series?channel=w1:casing" + range,
                host.operatorKey(), null);
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body()).isEqualTo("time,value\n" + Instant.ofEpochMilli(T0 + 5_000) + ",900.0\n");
        HostFixture.Reply hourly = HostFixture.http(host.httpPort(), "GET",
                "/api/devices/w1/series?channel=w1:casing&step=1h" + range, host.operatorKey(), null);
        assertThat(hourly.body()).isEqualTo("time,min,max,mean,sum,count\n" + Instant.ofEpochMilli(T0)
                + ",900.0,900.0,900.0,900.0,1\n");
        HostFixture.Reply events = HostFixture.http(host.httpPort(), "GET", "/api/devices/w1/events?x=1" + range,
                host.operatorKey(), null);
        String[] lines = events.body().split("\n");
        assertThat(lines[0]).isEqualTo("time,seq,type,body");
        assertThat(lines).hasSize(5);
        assertThat(lines[3]).startsWith(Instant.ofEpochMilli(T0 + 8_000) + ",4,sale,\"{\"\"tokenId\"\":77,");
    }

    @Test
    void sameBatchTwiceIsStoredOnceAndAckedTwice() throws Exception {
        Ack first = post(up("up"), fullBatch());
        Ack second = post(up("up"), fullBatch());
        assertThat(second.highestContiguous()).isEqualTo(first.highestContiguous()).isEqualTo(5);
        assertThat(api("series?channel=w1:tubing")).hasSize(1);
        assertThat(api("events?x=1")).hasSize(4);
        assertThat(host.metrics().records()).isEqualTo(6);
    }

    @Test
    void outOfOrderSeqsAreAckedAsRangesUntilTheGapFills() throws Exception {
        CoapClient c = up("up");
        assertThat(post(c, batch(telemetry(1, T0, 1), telemetry(2, T0 + 1_000, 2))).highestContiguous()).isEqualTo(2);
        Ack gap = post(c, batch(telemetry(5, T0 + 5_000, 5), telemetry(6, T0 + 6_000, 6), telemetry(8, T0 + 8_000, 8)));
        assertThat(gap.highestContiguous()).isEqualTo(2);
        assertThat(gap.ranges()).containsExactly(5, 6, 8, 8);
        assertThat(gap.acknowledges(7)).isFalse();
        Ack filled = post(c, batch(telemetry(4, T0 + 4_000, 4), telemetry(3, T0 + 3_000, 3)));
        assertThat(filled.highestContiguous()).isEqualTo(6);
        assertThat(filled.ranges()).containsExactly(8, 8);
    }

    @Test
    void batchWithOneMalformedRecordIsRefusedWhole() throws Exception {
        CborWriter w = new CborWriter().writeMapHeader(2).writeInt(0).writeInt(1).writeInt(1).writeArrayHeader(2);
        telemetry(1, T0, 7).encode(w);
        w.writeMapHeader(5).writeInt(0).writeInt(1).writeInt(1).writeInt(2).writeInt(2).writeInt(T0).writeInt(3).writeInt(2)
                .writeInt(4).writeMapHeader(2).writeInt(0).writeInt(1).writeInt(2).writeText("lots");
        CoapResponse r = up("up").post(w.toByteArray(), 60);
        assertThat(r.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(r.getResponseText()).contains("batch.records[1]");
        CoapResponse junk = up("up").post(new byte[] {(byte) 0xa2, 0x00}, 60);
        assertThat(junk.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(host.series().contains("w1", 1)).isFalse();
        assertThat(api("series?channel=w1:tubing")).isEmpty();
        assertThat(host.registry().find("w1").orElseThrow().lastSeen()).isZero();
    }

    @Test
    void batchForAnotherDeviceIsRefused() throws Exception {
        HostFixture.provision(host, "w2", "wellhead");
        CoapResponse r = up("up?d=w2").post(fullBatch(), 60);
        assertThat(r.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(r.getResponseText()).contains("w2");
        assertThat(host.series().contains("w1", 1)).isFalse();
        assertThat(host.series().contains("w2", 1)).isFalse();
    }

    @Test
    void plainCoapNamesTheDeviceWithQuery() throws Exception {
        CoapEndpoint ep = HostFixture.plainEndpoint();
        endpoints.add(ep);
        CoapClient c = HostFixture.client("coap://127.0.0.1:" + host.coapPort() + "/up?d=w1", ep, Duration.ofSeconds(10));
        assertThat(post(c, fullBatch()).highestContiguous()).isEqualTo(5);
        assertThat(host.series().contains("w1", 5)).isTrue();
    }
}
