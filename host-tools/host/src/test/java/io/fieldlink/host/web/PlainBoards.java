package io.fieldlink.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostServer;
import io.fieldlink.protocol.record.CborRecord;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlPack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.CoapEndpoint;

/**
 * Boards talking to a real host over plain CoAP ({@code up?d=ID}): each call posts one UplinkBatch
 * with the device's next sequence numbers and checks it was acknowledged (stored).
 */
final class PlainBoards implements AutoCloseable {
    private final HostServer host;
    private final CoapEndpoint endpoint = HostFixture.plainEndpoint();
    private final Map<String, Long> seqs = new HashMap<>();

    PlainBoards(HostServer host) {
        this.host = host;
    }

    /** Sends readings {@code name, value, name, value...} measured at {@code atMillis}. */
    void readings(String device, long atMillis, Object... nameValues) {
        SenmlPack p = new SenmlPack();
        for (int i = 0; i < nameValues.length; i += 2) {
            p.add().name((String) nameValues[i]).value(((Number) nameValues[i + 1]).doubleValue());
        }
        send(device, UplinkRecord.telemetry(next(device), atMillis, p));
    }

    /** Sends events (alarm, shut-in, sale, token redemption) that happened at {@code atMillis}. */
    void events(String device, long atMillis, CborRecord... events) {
        List<UplinkRecord> records = new ArrayList<>();
        for (CborRecord e : events) {
            records.add(UplinkRecord.event(next(device), atMillis, e));
        }
        send(device, records.toArray(new UplinkRecord[0]));
    }

    private long next(String device) {
        return seqs.merge(device, 1L, Long::sum);
    }

    private void send(String device, UplinkRecord... records) {
        CoapClient c = HostFixture.client("coap://127.0.0.1:" + host.coapPort() + "/up?d=" + device, endpoint,
                Duration.ofSeconds(10));
        try {
            CoapResponse r = c.post(new UplinkBatch(List.of(records)).encode(), 60);
            assertThat(r).as("answer to %s's uplink", device).isNotNull();
            assertThat(r.getCode()).as(r.getResponseText()).isEqualTo(ResponseCode.CHANGED);
        } catch (Exception e) {
            throw new AssertionError("uplink of " + device + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
