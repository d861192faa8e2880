package io.fieldlink.firmware.update;

import io.fieldlink.boards.BoardLoader;
import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.firmware.hal.memory.MemoryFirmwareSlots;
import io.fieldlink.firmware.hal.memory.MemoryHal;
import io.fieldlink.firmware.hal.memory.MemoryNetwork;
import io.fieldlink.firmware.hal.memory.PowerLossException;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.kernel.Readings;
import io.fieldlink.firmware.pump.JvmHalCrypto;
import io.fieldlink.firmware.uplink.FakeHost;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.record.Command;
import io.fieldlink.protocol.record.FirmwareManifest;
import io.fieldlink.protocol.record.FirmwareNotice;
import io.fieldlink.protocol.record.ProtocolResource;
import io.fieldlink.protocol.record.UplinkRecord;
import io.fieldlink.protocol.senml.SenmlPack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One meter board with two firmware slots on the in-memory HAL, a fake host on its uplink network
 * and the host's image resource on a second network, booted through {@link MemoryFirmwareSlots#bootSelect()}
 * like a bootloader would. Images whose version ends in {@code -broken} never reach the host when
 * booted (their uplink network is down), so they never confirm.
 */
final class UpdateRig {
    static final int SLOT = 16 * 1024;
    static final IssuerKeyPair ISSUER = IssuerKeyPair.fromSeed(fill(32, 3));
    static final IssuerKeyPair ROGUE = IssuerKeyPair.fromSeed(fill(32, 4));

    final MemoryHal hal = new MemoryHal();
    final MemoryNetwork downloads = new MemoryNetwork(hal.clock(), 1152);
    final FakeHost host = new FakeHost(hal.network());
    final ImageServer images = new ImageServer(downloads);
    final Map<String, byte[]> imageOf = new HashMap<>();
    final MemoryFirmwareSlots slots;
    final UpdateOptions options = new UpdateOptions().trialBoots(2).healthTimeoutMillis(120_000).retryBaseMillis(5_000)
            .progressEveryBlocks(2);
    final List<String> bootedVersions = new ArrayList<>();
    final List<Command> outbox = new ArrayList<>();
    Board board;
    UpdateAgent agent;
    boolean restartRequested;
    int powerCuts;

    UpdateRig() {
        byte[] factory = image("1.0.0", 3000, 1);
        slots = new MemoryFirmwareSlots(hal.storage(), SLOT, "1.0.0", factory);
        slots.setRestartAction(() -> restartRequested = true);
        hal.sensors().set("voltage", 2300).set("current", 5000).set("power_factor", 950).set("frequency", 5000)
                .set("active_power", 1100).set("energy", 0).set("tamper", 0);
        hal.actuators().add("relay").add("buzzer");
    }

    static byte[] fill(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    /** Makes an image of {@code size} bytes for {@code version} and puts it on the host. */
    byte[] image(String version, int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + seed * 7 + (i >> 8));
        }
        imageOf.put(version, b);
        images.images.put(version, b);
        return b;
    }

    static byte[] sha(byte[] b) {
        return BouncyCastleCrypto.INSTANCE.sha256(b);
    }

    /** A firmware command whose manifest {@code signer} signed over {@code manifestImage}. */
    Command command(long id, String version, byte[] noticeImage, byte[] manifestImage, IssuerKeyPair signer) {
        byte[] manifest = CoseSign1.sign(new FirmwareManifest(version, manifestImage.length, sha(manifestImage)).encode(),
                signer).encode();
        return Command.firmwareUpdate(id, new FirmwareNotice(version, noticeImage.length, sha(noticeImage),
                ProtocolResource.firmwarePath(version), manifest));
    }

    /** The bootloader step, then a fresh board (fresh RAM) on the kept storage. */
    void powerOn() {
        hal.storage().restorePower();
        hal.clock().forgetWallTime();
        restartRequested = false;
        int slot = slots.bootSelect();
        String version = slots.state().runningVersion();
        byte[] expected = imageOf.get(version);
        if (!Arrays.equals(slots.image(slot, expected.length), expected)) {
            throw new AssertionError("booted slot " + BootState.name(slot) + " does not hold a valid " + version);
        }
        bootedVersions.add(version);
        hal.network().setOffline(version.endsWith("-broken"));
        if (reports().isEmpty()) {
            host.pendingCommands.addAll(outbox);
        }
        agent = new UpdateAgent(slots, new IssuerKeys().add(ISSUER.keyId(), ISSUER.publicKey()), downloads, options);
        CoapUplinkFactory uplinks = new CoapUplinkFactory(new IssuerKeys().add(ISSUER.keyId(), ISSUER.publicKey()),
                new UplinkOptions().debounceMillis(500).backoffBaseMillis(5_000).backoffCapMillis(60_000).reportIntervalMillis(60_000));
        board = Board.builder().definition(BoardLoader.builtIn("meter")).app(new QuietApp()).deviceId("m-1")
                .firmwareVersion(version).clock(hal.clock()).storage(hal.storage()).transport(hal.network())
                .console(hal.console()).sensors(hal.sensors()).actuators(hal.actuators()).crypto(new JvmHalCrypto())
                .log(hal.log()).uplink(new UpdatingUplinkFactory(uplinks, agent)).samplePeriodMillis(10_000).build();
        board.boot();
    }

    /** Runs board, host and image server for {@code ms} of fake time, rebooting on a restart or a power cut. */
    void runFor(long ms) {
        long end = hal.clock().monotonicMillis() + ms;
        while (hal.clock().monotonicMillis() < end) {
            step();
            long now = hal.clock().monotonicMillis();
            long next = Math.min(board.loop().nextDueMillis(), end);
            hal.clock().advance(Math.max(1, Math.min(next - now, 1000)));
        }
    }

    private void step() {
        try {
            for (int i = 0; i < 50; i++) {
                int ran = board.loop().runDue();
                int served = host.serve();
                int before = images.requests;
                images.serve();
                hal.network().deliverDue();
                if (!hal.storage().powered()) {
                    throw new PowerLossException("a task hit the power cut (the loop logged it)");
                }
                if (restartRequested) {
                    board.shutdown();
                    powerOn();
                    continue;
                }
                if (ran == 0 && served == 0 && images.requests == before) {
                    return;
                }
            }
        } catch (PowerLossException e) {
            powerCuts++;
            while (downloads.takeSent() != null || hal.network().takeSent() != null) {
                // the cut lost what was in flight
            }
            powerOn();
        }
    }

    /** @return each firmware report the host stored, as "state version [reason]", oldest first */
    List<String> reports() {
        List<String> out = new ArrayList<>();
        for (UplinkRecord r : host.stored.values()) {
            if (r.kind() != UplinkRecord.TELEMETRY) {
                continue;
            }
            SenmlPack p = r.telemetry();
            String state = null;
            String version = null;
            String reason = null;
            for (int i = 0; i < p.size(); i++) {
                String n = p.get(i).name();
                if ("firmware".equals(n)) {
                    state = p.get(i).stringValue();
                } else if ("firmware_version".equals(n)) {
                    version = p.get(i).stringValue();
                } else if ("firmware_reason".equals(n)) {
                    reason = p.get(i).stringValue();
                }
            }
            if (state != null) {
                out.add(state + " " + version + (reason == null ? "" : " " + reason));
            }
        }
        return out;
    }

    static final class QuietApp implements BoardApp {
        @Override
        public void boot(BoardContext context) {
        }

        @Override
        public void sampleTick(BoardContext context, Readings readings) {
            if (!context.clock().wallTimeKnown()) {
                return;
            }
            byte[] pack = {(byte) 0x81, (byte) 0xa2, 0x00, 0x62, 'u', 'p', 0x02, 0x01};
            context.journal().append(UplinkRecord.TELEMETRY, context.clock().wallMillis(), pack, 0, pack.length);
            context.uplink().reportNow();
        }

        @Override
        public void shutdown(BoardContext context) {
        }
    }

    /** Queues a command like the host's outbox: it rides on answers until the board reports. */
    void send(Command c) {
        outbox.add(c);
        host.pendingCommands.add(c);
    }
}
