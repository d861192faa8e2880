package io.fieldlink.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HandClock;
import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.config.HostConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry fields the API shows: last seen, firmware, boot count, and online/offline by the
 * configured silence ({@code device.offline-after}), on a host driven by a hand-moved clock.
 */
class DeviceStatusTest {
    @TempDir
    Path dir;
    HostServer host;
    CoapEndpoint endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.destroy();
        }
        if (host != null) {
            host.close();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> device(String id) {
        HostFixture.Reply r = HostFixture.http(host.httpPort(), "GET", "/api/devices", host.operatorKey(), null);
        for (Map<String, Object> d : (List<Map<String, Object>>) r.json().get("devices")) {
            if (d.get("id").equals(id)) {
                return d;
            }
        }
        throw new AssertionError("no " + id + " in " + r.body());
    }

    @Test
    void aDeviceIsOnlineUntilItHasBeenSilentForTheConfiguredTime() throws Exception {
        HandClock clock = new HandClock(1_763_683_200_000L);
        host = HostServer.builder().dataDir(dir).config(HostConfig.defaults()
                .with(HostConfig.DEVICE_OFFLINE_AFTER, Duration.ofMinutes(5))).clock(clock).bindAddress("127.0.0.1")
                .httpPort(0).coapsPort(0).insecureCoap(0).build().start();
        HostFixture.provision(host, "m1", "meter");
        assertThat(device("m1")).containsEntry("status", "offline");
        assertThat(String.valueOf(device("m1").get("lastSeen"))).as("never seen").isEqualTo("null");
        endpoint = HostFixture.plainEndpoint();
        CoapClient c = HostFixture.client("coap://127.0.0.1:" + host.coapPort() + "/telemetry?d=m1", endpoint,
                Duration.ofSeconds(10));
        assertThat(c.post("[{\"n\":\"v\",\"v\":1}]".getBytes(StandardCharsets.UTF_8), 110).getCode())
                .isEqualTo(ResponseCode.CHANGED);
        assertThat(device("m1")).containsEntry("status", "online")
                .containsEntry("lastSeen", Instant.ofEpochMilli(clock.millis()).toString());
        clock.advance(Duration.ofMinutes(5).toMillis());
        assertThat(device("m1")).containsEntry("status", "online");
        clock.advance(1);
        assertThat(device("m1")).containsEntry("status", "offline");
        assertThat(host.metrics().render()).contains("fieldlink_devices_online 0").contains("fieldlink_devices 1");
    }

    @Test
    void withoutInsecureCoapThereIsNoPlainPort() {
        host = HostServer.builder().dataDir(dir).bindAddress("127.0.0.1").httpPort(0).coapsPort(0).build().start();
        assertThat(host.coapPort()).isEqualTo(-1);
        assertThat(host.coapsPort()).isPositive();
    }
}
