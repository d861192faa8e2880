package io.fieldlink.hil;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.firmware.hal.Clock;
import io.fieldlink.firmware.hal.memory.MemoryLog;
import io.fieldlink.firmware.hal.memory.MemorySerialConsole;
import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.jvm.crypto.BouncyCastleHalCrypto;
import io.fieldlink.firmware.jvm.loop.BoardLoopThread;
import io.fieldlink.firmware.jvm.net.DtlsTransport;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.kernel.BoardBuilder;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.host.HostServer;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.Device;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One board of the firmware core on the JVM bindings, provisioned on a real host and talking DTLS-PSK
 * to it on loopback: its own loop thread, a Scandium transport, and in-memory flash with the journal,
 * snapshot and settings areas. The test brings the app, sensors and actuators through
 * {@link #builder}, which comes filled with the rest (console, crypto, log, a 1 s report interval,
 * 200 ms sampling); any of it can be set again. Closing stops the loop and then the transport.
 *
 * @param <C> the board's clock: the real one, or one on the test's virtual time
 */
final class DtlsBoard<C extends Clock> implements AutoCloseable {
    final String id;
    final C clock;
    final BoardLoopThread loop;
    final DtlsTransport transport;
    final MemoryStorage storage = new MemoryStorage().addArea("journal", 128 * 1024).addArea("snapshot", 4096)
            .addArea("settings", 4096);
    private Board board;

    private DtlsBoard(String id, C clock, BoardLoopThread loop, DtlsTransport transport) {
        this.id = id;
        this.clock = clock;
        this.loop = loop;
        this.transport = transport;
    }

    /** Provisions {@code id} on {@code host} at {@code nowMillis} and opens the board's DTLS transport. */
    static <C extends Clock> DtlsBoard<C> connect(HostServer host, String id, BoardKind kind, C clock, long nowMillis) {
        Device device = host.registry().provision(id, kind, nowMillis);
        BoardLoopThread loop = new BoardLoopThread(id, clock);
        try {
            DtlsTransport transport = DtlsTransport.start(new InetSocketAddress("127.0.0.1", host.coapsPort()), id,
                    device.psk(), loop);
            return new DtlsBoard<>(id, clock, loop, transport);
        } catch (Exception e) {
            loop.close();
            throw new AssertionError("cannot open the DTLS transport of " + id, e);
        }
    }

    /** Writes {@code values} to the board's settings area, as a technician would before the first boot. */
    DtlsBoard<C> settings(Map<String, String> values) {
        Settings settings = new Settings(storage.area("settings"));
        for (Map.Entry<String, String> e : values.entrySet()) {
            settings.put(e.getKey(), e.getValue());
        }
        settings.commit();
        return this;
    }

    /** A board builder for the built-in {@code definition} running {@code app}, with everything else filled in. */
    BoardBuilder builder(String definition, BoardApp app) {
        return Board.builder().definition(BoardLoader.builtIn(definition)).app(app).deviceId(id).clock(clock)
                .storage(storage).transport(transport).console(new MemorySerialConsole())
                .crypto(BouncyCastleHalCrypto.INSTANCE).log(new MemoryLog(256))
                .uplink(new CoapUplinkFactory(new IssuerKeys(), new UplinkOptions().reportIntervalMillis(1_000)))
                .samplePeriodMillis(200);
    }

    /** Builds the board, starts its loop and boots it on the loop thread. */
    Board boot(BoardBuilder builder) {
        board = builder.build();
        loop.start(board.loop());
        run(board::boot);
        return board;
    }

    Board board() {
        return board;
    }

    /** Runs {@code work} on the board's loop thread and returns its result. */
    <T> T call(Supplier<T> work) {
        try {
            return loop.call(work).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code work} on the board's loop thread and waits for it. */
    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() {
        loop.close();
        transport.close();
    }
}
