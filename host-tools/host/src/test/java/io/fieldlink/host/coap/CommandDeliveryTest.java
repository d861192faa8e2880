package io.fieldlink.host.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.command.QueuedCommand;
import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapMessage;
import io.fieldlink.protocol.coap.CoapType;
import io.fieldlink.protocol.coap.ContentFormat;
import io.fieldlink.protocol.coap.client.CoapClient;
import io.fieldlink.protocol.coap.client.CoapClientConfig;
import io.fieldlink.protocol.coap.client.FailureReason;
import io.fieldlink.protocol.coap.client.ResponseHandler;
import io.fieldlink.protocol.record.Ack;
import io.fieldlink.protocol.record.Command;
import io.fieldlink.protocol.record.CommandResult;
import io.fieldlink.protocol.record.CommandType;
import io.fieldlink.protocol.record.Hello;
import io.fieldlink.protocol.record.HelloAnswer;
import io.fieldlink.protocol.record.UplinkBatch;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlPack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command outbox end to end: a config set queued on the host rides on the answers to a board
 * session (the protocol module's thread-free {@link CoapClient} over UDP, plain CoAP with {@code ?d=})
 * until the board's CommandResult record is stored; the command then shows applied, is not sent
 * again, and all of it survives a host restart.
 */
class CommandDeliveryTest {
    private static final long T0 = 1_763_683_200_000L;
    @TempDir
    Path dir;
    HostServer host;
    final List<Board> boards = new ArrayList<>();

    @BeforeEach
    void start() {
        host = HostFixture.start(dir);
        HostFixture.provision(host, "m1", "meter");
    }

    @AfterEach
    void stop() {
        boards.forEach(Board::close);
        if (host != null) {
            host.close();
        }
    }

    private Board board() {
        Board b = new Board(host.coapPort(), "m1");
        boards.add(b);
        return b;
    }

    private static byte[] hello() {
        return new Hello("meter", "m1", "1.0.0", 3).encode();
    }

    private static UplinkRecord telemetry(long seq) {
        SenmlPack p = new SenmlPack();
        p.add().name("balance").value(1000 + seq);
        return UplinkRecord.telemetry(seq, T0 + seq * 1000, p);
    }

    private static byte[] batch(UplinkRecord... records) {
        return new UplinkBatch(List.of(records)).encode();
    }

    private String state(long id) {
        for (QueuedCommand c : host.commands().commands("m1")) {
            if (c.id() == id) {
                return c.state();
            }
        }
        return "absent";
    }

    @Test
    void aQueuedConfigSetReachesTheBoardOnceAndIsRetiredWhenItsResultIsStored() {
        long id = host.commands().queueConfig("m1", "report_interval", "5m");
        assertThat(state(id)).isEqualTo("queued");
        Board b = board();
        Set<Long> actedOn = new HashSet<>();

        HelloAnswer answer = HelloAnswer.decode(b.post("hello", hello()));
        assertThat(answer.commands()).extracting(Command::id).containsExactly(id);
        Command c = answer.commands()[0];
        assertThat(c.type()).isEqualTo(CommandType.CONFIG_SET);
        assertThat(c.configKey()).isEqualTo("report_interval");
        assertThat(c.configValue()).isEqualTo("5m");
        actedOn.add(c.id());
        awaitState(id, "sent");

        // the result is not stored yet: the command rides on the next Ack too, and the board ignores the repeat
        Ack first = Ack.decode(b.post("up", batch(telemetry(1))));
        assertThat(first.highestContiguous()).isEqualTo(1);
        assertThat(first.commands()).extracting(Command::id).containsExactly(id);
        assertThat(actedOn.add(first.commands()[0].id())).isFalse();

        Ack second = Ack.decode(b.post("up", batch(UplinkRecord.event(2, T0 + 2000, CommandResult.applied(id)))));
        assertThat(second.highestContiguous()).isEqualTo(2);
        assertThat(second.commands()).as("retired in the commit that stored the result").isEmpty();
        assertThat(state(id)).isEqualTo("applied");
        assertThat(actedOn).containsExactly(id);

        HostFixture.Reply api = HostFixture.http(host.httpPort(), "GET", "/api/devices/m1/commands", host.operatorKey(), null);
        assertThat(api.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) api.json().get("commands");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).containsEntry("type", "config-set").containsEntry("state", "applied");

        host.close();
        host = HostFixture.start(dir);
        assertThat(state(id)).as("after a restart").isEqualTo("applied");
        Board again = board();
        assertThat(HelloAnswer.decode(again.post("hello", hello())).commands()).isEmpty();
    }

    @Test
    void queuedCommandsSurviveARestartAndARefusalIsShownWithItsReason() {
        long a = host.commands().queueConfig("m1", "k1", "v1");
        long b = host.commands().queueConfig("m1", "k2", "v2");
        host.close();
        host = HostFixture.start(dir);
        Board board = board();
        HelloAnswer answer = HelloAnswer.decode(board.post("hello", hello()));
        assertThat(answer.commands()).extracting(Command::id).containsExactly(a, b);
        long c = host.commands().queueConfig("m1", "k3", "v3");
        assertThat(c).isGreaterThan(b);
        Ack ack = Ack.decode(board.post("up", batch(UplinkRecord.event(1, T0, CommandResult.applied(a)),
                UplinkRecord.event(2, T0, CommandResult.refused(b, "app code 4")),
                UplinkRecord.event(3, T0, CommandResult.applied(999)))));
        assertThat(ack.commands()).extracting(Command::id).containsExactly(c);
        assertThat(state(a)).isEqualTo("applied");
        assertThat(state(b)).isEqualTo("refused");
        assertThat(host.commands().commands("m1")).filteredOn(q -> q.id() == b).extracting(QueuedCommand::detail)
                .containsExactly("app code 4");
        // the same result again (a lost Ack) changes nothing
        Ack.decode(board.post("up", batch(UplinkRecord.event(2, T0, CommandResult.applied(b)))));
        assertThat(state(b)).isEqualTo("refused");
    }

    @Test
    void commandsForUnknownDevicesOrOfTheWrongKindAreRefused() {
        assertThatThrownBy(() -> host.commands().queueConfig("ghost", "k", "v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ghost");
        assertThatThrownBy(() -> host.commands().queueSigned("m1", CommandType.CONFIG_SET, new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(host.commands().commands("m1")).isEmpty();
    }

    @Test
    void theApiQueuesAConfigSetForOperatorsOnlyAndAuditsIt() {
        HostFixture.Reply r = HostFixture.http(host.httpPort(), "POST", "/api/devices/m1/commands", host.operatorKey(),
                "{\"type\":\"config\",\"key\":\"report_interval\",\"value\":\"1h\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = ((java.math.BigDecimal) r.json().get("id")).longValue();
        assertThat(state(id)).isEqualTo("queued");
        HostFixture.Reply bad = HostFixture.http(host.httpPort(), "POST", "/api/devices/m1/commands", host.operatorKey(),
                "{\"type\":\"credit\",\"key\":\"x\",\"value\":\"1\"}");
        assertThat(bad.status()).isEqualTo(400);
        HostFixture.Reply audit = HostFixture.http(host.httpPort(), "GET", "/api/audit", host.operatorKey(), null);
        assertThat(audit.body()).contains("command.config").contains("report_interval=1h");
        HostFixture.Reply viewerKey = HostFixture.http(host.httpPort(), "POST", "/api/keys", host.operatorKey(),
                "{\"role\":\"viewer\"}");
        String viewer = (String) viewerKey.json().get("key");
        assertThat(HostFixture.http(host.httpPort(), "POST", "/api/devices/m1/commands", viewer,
                "{\"type\":\"config\",\"key\":\"a\",\"value\":\"b\"}").status()).isEqualTo(403);
        assertThat(HostFixture.http(host.httpPort(), "GET", "/api/devices/m1/commands", viewer, null).status()).isEqualTo(200);
    }

    private void awaitState(long id, String expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!state(id).equals(expected) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L); // poll, do not spin: two shared cores
        }
        assertThat(state(id)).isEqualTo(expected);
    }

    /** A board's CoAP session: the protocol's thread-free client over a UDP socket, polled with a deadline. */
    static final class Board implements AutoCloseable {
        private final DatagramSocket socket;
        private final CoapClient client;
        private final String device;

        Board(int port, String device) {
            this.device = device;
            try {
                socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                socket.setSoTimeout(20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            client = new CoapClient((data, off, len) -> {
                try {
                    socket.send(new DatagramPacket(data.clone(), off, len, to));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, () -> System.nanoTime() / 1_000_000, new Random(7), new CoapClientConfig());
        }

        /** CON POSTs {@code payload} (content-format 60) and returns the 2.04 answer's payload. */
        byte[] post(String path, byte[] payload) {
            CoapMessage request = new CoapMessage().setType(CoapType.CON).setCode(CoapCode.POST).setUriPath(path)
                    .addUriQuery("d=" + device).setContentFormat(ContentFormat.CBOR).setPayload(payload);
            byte[][] answer = new byte[1][];
            int[] code = {-1};
            client.request(request, new ResponseHandler() {
                @Override
                public void onResponse(CoapMessage response) {
                    code[0] = response.code();
                    answer[0] = response.copyPayload();
                }

                @Override
                public void onFailure(FailureReason reason) {
                    code[0] = -2;
                }
            });
            byte[] buf = new byte[4096];
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (code[0] == -1 && System.nanoTime() < deadline) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                    client.onDatagram(p.getData(), p.getOffset(), p.getLength());
                } catch (SocketTimeoutException e) {
                    client.poll();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            assertThat(code[0]).as("answer to " + path).isEqualTo(CoapCode.CHANGED);
            return answer[0];
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
