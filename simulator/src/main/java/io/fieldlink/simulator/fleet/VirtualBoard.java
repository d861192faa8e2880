package io.fieldlink.simulator.fleet;

import io.fieldlink.boards.BoardDefinition;
import io.fieldlink.boards.BoardLoader;
import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.firmware.hal.Crypto;
import io.fieldlink.firmware.hal.StorageException;
import io.fieldlink.firmware.hal.memory.MemoryActuators;
import io.fieldlink.firmware.hal.memory.MemorySensors;
import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.journal.Settings;
import io.fieldlink.firmware.kernel.Board;
import io.fieldlink.firmware.kernel.BoardApp;
import io.fieldlink.firmware.uplink.IssuerKeys;
import io.fieldlink.firmware.uplink.ProtocolBackedHalCrypto;
import io.fieldlink.firmware.uplink.UplinkOptions;
import io.fieldlink.firmware.uplink.board.CoapUplinkFactory;
import io.fieldlink.protocol.token.TokenVerifier;
import java.util.Map;
import java.util.Random;

/**
 * One virtual board: the real firmware core and board app ({@link Board}) on an in-memory HAL whose
 * storage survives power cuts, with the physics of its variant feeding its sensors. A power cut
 * drops the running {@link Board} (no shutdown, storage possibly cut mid-write); the reboot builds a
 * new one on the same storage. Its shard's scheduler thread only.
 */
abstract class VirtualBoard {
    final String id;
    final int index;
    final long seed;
    final FleetSpec spec;
    final MemoryStorage storage = new MemoryStorage().addArea("journal", 64 * 1024).addArea("snapshot", 4 * 1024)
            .addArea("settings", 4 * 1024);
    final MemorySensors sensors = new MemorySensors();
    final MemoryActuators actuators = new MemoryActuators();
    final Random faults;
    BoardLink link;
    /** The scheduler thread's part of the fleet this board runs on (its clock reads that shard's time). */
    Shard shard;
    Board board;
    BoardClock clock;
    FleetClock fleet;
    boolean alive;
    boolean cutArmed;
    long cutArmedAt;
    long wakeAt = Long.MAX_VALUE;
    /** Fleet time of this board's latest event (its own time: in virtual time it may trail the fleet's). */
    long localTime;
    /** Journal head at the last {@link #trimFlash()} of this boot (-1: not yet looked at). */
    private int trimmedHead = -1;
    long lastPhysics = Long.MIN_VALUE;
    int powerCuts;
    int boots;

    VirtualBoard(String id, int index, long seed, FleetSpec spec) {
        this.id = id;
        this.index = index;
        this.seed = seed;
        this.spec = spec;
        this.faults = new Random(seed ^ 0x5DEECE66DL);
    }

    /** @return the board variant's name in {@code boards/} */
    abstract String variant();

    /** @return the host's board kind name (meter, pump, wellhead) */
    abstract String kind();

    /** @return a fresh app instance for one boot */
    abstract BoardApp newApp();

    /** @return milliseconds between sample ticks */
    abstract long samplePeriodMillis();

    /** Sets the sensors from the physics at fleet time {@code now}; {@code dt} ms since the last call. */
    abstract void physics(long now, long dt);

    /** What people do at this board (top-ups, vehicles, technicians), at fleet time {@code now}. */
    abstract void world(long now);

    /** Config keys written into the settings before the first boot. */
    abstract void configure(Map<String, String> config);

    /** Stops every fault the board has (the run's quiet end). */
    abstract void quiesce();

    /** The boards' crypto HAL: real SHA-256, HMAC and Ed25519 on BouncyCastle, so real issuer tokens are checked for real. */
    private static final Crypto CRYPTO = new ProtocolBackedHalCrypto(BouncyCastleCrypto.INSTANCE);
    /** No simulated board trusts an issuer for signed host commands; the (unchanging) empty set is shared. */
    private static final IssuerKeys NO_ISSUERS = new IssuerKeys();
    /** Board definitions are immutable data: every board of a variant shares one. */
    private static final Map<String, BoardDefinition> DEFINITIONS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Token verifiers hold only the crypto and the trusted keys: one per issuer for the whole fleet. */
    private static final Map<TokenMint, TokenVerifier> VERIFIERS = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    BoardDefinition definition() {
        return DEFINITIONS.computeIfAbsent(variant(), BoardLoader::builtIn);
    }

    /** @return the (shared) verifier of tokens minted by {@code mint} */
    static TokenVerifier verifier(TokenMint mint) {
        return VERIFIERS.computeIfAbsent(mint,
                m -> new TokenVerifier(BouncyCastleCrypto.INSTANCE, m.trustedKeys()));
    }

    final void install(FleetClock fleetClock, BoardLink boardLink, java.nio.file.Path stateDir) throws java.io.IOException {
        this.fleet = fleetClock;
        this.link = boardLink;
        if (stateDir != null && load(stateDir)) {
            return;
        }
        Map<String, String> config = new java.util.TreeMap<>();
        configure(config);
        Settings s = new Settings(storage.area("settings"));
        for (Map.Entry<String, String> e : config.entrySet()) {
            s.put("config." + e.getKey(), e.getValue());
        }
        s.commit();
    }

    /** Builds and boots a new {@link Board} on the kept storage; a cut during boot leaves it dead. */
    final void boot() {
        storage.restorePower();
        cutArmed = false;
        clock = new BoardClock(shard);
        board = Board.builder().definition(definition()).app(newApp()).deviceId(id).clock(clock).storage(storage)
                .transport(link).buffers(link.buffers()).recentLogLines(0).console(new QuietConsole()).sensors(sensors).actuators(actuators)
                .crypto(CRYPTO).log(new QuietLog(id))
                .uplink(new CoapUplinkFactory(NO_ISSUERS, new UplinkOptions()
                        .reportIntervalMillis(spec.reportIntervalMillis).backoffBaseMillis(spec.backoffBaseMillis)
                        .backoffCapMillis(spec.backoffCapMillis)))
                .samplePeriodMillis(samplePeriodMillis()).build();
        alive = true;
        trimmedHead = -1;
        boots++;
        lastPhysics = shard.millis();
        physics(shard.millis(), 0);
        guarded(() -> board.boot());
    }

    /** Runs what is due on the board's loop (after the physics and the people have had their turn). */
    final void turn() {
        long now = shard.millis();
        if (!alive) {
            return;
        }
        long dt = lastPhysics == Long.MIN_VALUE ? 0 : now - lastPhysics;
        lastPhysics = now;
        physics(now, dt);
        guarded(() -> world(now));
        if (alive) {
            guarded(() -> board.loop().runDue());
        }
    }

    /** Runs {@code r}; a power loss inside it (thrown or left behind) kills the board. */
    final void guarded(Runnable r) {
        try {
            r.run();
        } catch (StorageException e) {
            if (storage.powered()) {
                throw e;
            }
        }
        if (!storage.powered()) {
            drop();
        }
    }

    /** Cuts the power now: the running board is dropped as it stands. */
    final void cutNow() {
        drop();
        cutArmed = false;
        powerCuts++;
    }

    /**
     * Drops the running board as it stands (its RAM is gone); only the memory it borrowed from the
     * fleet's shared pool for an exchange in flight goes back, since the pool outlives the board.
     */
    private void drop() {
        if (board != null && board.context().uplink() instanceof io.fieldlink.firmware.uplink.CoapUplink u) {
            u.abandon();
        }
        alive = false;
        board = null;
    }

    /** @return the running board's uplink exchanges in flight (0 when dead or not yet connected) */
    final int exchangesInFlight() {
        return alive && board != null && board.context().uplink() instanceof io.fieldlink.firmware.uplink.CoapUplink u
                ? u.exchangesInFlight() : 0;
    }

    /** Arms a cut that strikes in the middle of one of the next writes (a few hundred bytes on). */
    final void armCut() {
        cutArmed = true;
        cutArmedAt = shard.millis();
        storage.cutPowerAfter(faults.nextInt(400));
        powerCuts++;
    }

    /** @return when the board next needs a turn, fleet time (MAX_VALUE when dead) */
    final long nextDue() {
        if (!alive) {
            return Long.MAX_VALUE;
        }
        return clock.fleetTimeOf(board.loop().nextDueMillis());
    }

    /**
     * Gives back the flash pages of records the host has acknowledged since the last call (the
     * journal never reads them again: recovery and the uplink start at the head, a scan stops at the
     * tail, and the next appends overwrite them), so a long run holds only the live part of the 64
     * KiB ring. The page holding the tail (where a write cut by a power loss may have left bytes) is
     * always kept.
     */
    final void trimFlash() {
        if (!alive || board == null) {
            return;
        }
        io.fieldlink.firmware.journal.Journal j = board.context().journal();
        if (j == null) {
            return;
        }
        int head = j.headOffset();
        int from = trimmedHead;
        trimmedHead = head;
        if (from < 0 || from == head) {
            return;
        }
        int tail = j.tailOffset();
        // the part of from's page before it was freed earlier too (or is the tail's page, kept below)
        from = from / MemoryStorage.PAGE * MemoryStorage.PAGE;
        if (from < head) {
            discardJournal(from, head, tail);
        } else {
            discardJournal(from, j.capacityBytes(), tail);
            discardJournal(0, head, tail);
        }
    }

    private void discardJournal(int from, int to, int tail) {
        int keepFrom = tail / MemoryStorage.PAGE * MemoryStorage.PAGE;
        int keepTo = keepFrom + MemoryStorage.PAGE;
        if (Math.min(to, keepFrom) > from) {
            storage.discard("journal", from, Math.min(to, keepFrom) - from);
        }
        if (to > Math.max(from, keepTo)) {
            storage.discard("journal", Math.max(from, keepTo), to - Math.max(from, keepTo));
        }
    }

    /** @return journal records not yet acknowledged by the host (0 when dead) */
    final int unacked() {
        return alive ? board.context().journal().unackedCount() : Integer.MAX_VALUE;
    }

    /** Saves the storage areas (a demo's boards keep their journals and seqs across runs). */
    final void save(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        for (String area : new String[] {"journal", "snapshot", "settings"}) {
            java.nio.file.Files.write(dir.resolve(id + "." + area), storage.snapshot(area));
        }
    }

    /** Loads the storage areas saved by {@link #save}, when there are any; @return true if loaded */
    final boolean load(java.nio.file.Path dir) throws java.io.IOException {
        boolean any = false;
        for (String area : new String[] {"journal", "snapshot", "settings"}) {
            java.nio.file.Path f = dir.resolve(id + "." + area);
            if (java.nio.file.Files.isRegularFile(f)) {
                byte[] b = java.nio.file.Files.readAllBytes(f);
                if (b.length == storage.area(area).size()) {
                    storage.area(area).write(0, b, 0, b.length);
                    any = true;
                }
            }
        }
        return any;
    }

    /** @return the board's wall time (fleet time until the host has set it) */
    final long wall() {
        return clock != null && clock.wallTimeKnown() ? clock.wallMillis() : shard.millis();
    }
}
