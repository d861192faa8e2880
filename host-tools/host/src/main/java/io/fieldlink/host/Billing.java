package io.fieldlink.host;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.host.billing.MoneyBook;
import io.fieldlink.host.billing.Tables;
import io.fieldlink.host.billing.accounts.AccountBooks;
import io.fieldlink.host.billing.accounts.AccountProjection;
import io.fieldlink.host.billing.accounts.TopUps;
import io.fieldlink.host.billing.keys.IssuerKey;
import io.fieldlink.host.billing.keys.IssuerKeyState;
import io.fieldlink.host.billing.keys.IssuerKeyring;
import io.fieldlink.host.billing.production.ProductionBooks;
import io.fieldlink.host.billing.station.Bookings;
import io.fieldlink.host.billing.station.StationBooks;
import io.fieldlink.host.billing.tariff.Tariffs;
import io.fieldlink.host.command.CommandOutbox;
import io.fieldlink.host.config.ConfigException;
import io.fieldlink.host.config.HostConfig;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ledger.CheckpointSigner;
import io.fieldlink.host.ledger.Ledger;
import io.fieldlink.host.ledger.SignatureCheck;
import io.fieldlink.host.ledger.forward.Backoff;
import io.fieldlink.host.ledger.forward.Delivery;
import io.fieldlink.host.ledger.forward.LedgerForwarder;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.registry.DeviceRegistry;
import io.fieldlink.host.store.AuditLog;
import io.fieldlink.host.store.Committer;
import io.fieldlink.host.store.HostStore;
import io.fieldlink.host.store.billing.StoreTables;
import io.fieldlink.host.store.keys.FileKeyringStore;
import io.fieldlink.host.store.ledger.FileCursorStore;
import io.fieldlink.host.store.ledger.FileLedgerStore;
import io.fieldlink.host.web.AccountApi;
import io.fieldlink.host.web.ApiRoutes;
import io.fieldlink.host.web.IssuerKeyApi;
import io.fieldlink.host.web.LedgerApi;
import io.fieldlink.host.web.ProductionApi;
import io.fieldlink.host.web.StationApi;
import io.fieldlink.host.web.TariffApi;
import io.fieldlink.host.web.forward.HttpDelivery;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.tinylog.Logger;

/**
 * The host's books, wired: the issuer keyring ({@code DIR/issuer-keys}), the ledger
 * ({@code DIR/ledger}, checkpoints signed by the active issuer key), the billing tables in the host
 * store, the projections that feed them from stored uplinks (accounts, station sales, production),
 * their HTTP routes, and the ledger forwarder when {@code ledger.forward} names endpoints (cursors in
 * {@code DIR/ledger/forward}, driven once a second). Open once, close once.
 */
public final class Billing implements AutoCloseable {
    private final FileLedgerStore ledgerStore;
    private final Ledger ledger;
    private final IssuerKeyring keyring;
    private final List<StoredUplinkListener> projections;
    private final List<ApiRoutes> routes;
    private final ScheduledExecutorService forwarding;
    private AccountBooks accounts;
    private TopUps topups;
    private Tariffs tariffs;

    private Billing(FileLedgerStore ledgerStore, Ledger ledger, IssuerKeyring keyring, List<StoredUplinkListener> projections,
            List<ApiRoutes> routes, ScheduledExecutorService forwarding) {
        this.ledgerStore = ledgerStore;
        this.ledger = ledger;
        this.keyring = keyring;
        this.projections = projections;
        this.routes = routes;
        this.forwarding = forwarding;
    }

    /**
     * @param commands the command outbox, or null when the host has none (then no credit or tariff
     *     commands are queued; tokens still work)
     * @throws HostException when the keyring or ledger cannot be opened, or ledger.forward is invalid
     */
    public static Billing open(Path dataDir, HostConfig config, Clock clock, HostStore store, DeviceRegistry registry,
            AuditLog audit, Committer committer, CommandOutbox commands) {
        FileLedgerStore ledgerStore = null;
        try {
            IssuerKeyring keyring = IssuerKeyring.open(new FileKeyringStore(dataDir.resolve("issuer-keys")),
                    new SecureRandom(), clock.millis());
            ledgerStore = FileLedgerStore.open(dataDir.resolve("ledger"));
            Ledger ledger = Ledger.open(ledgerStore, signer(keyring));
            io.fieldlink.host.store.ledger.LedgerGroupSync.install(store, committer, ledger);
            MoneyBook money = new MoneyBook(ledger);
            Tables tables = new StoreTables(store);
            java.util.function.Supplier<IssuerKeyPair> active = () -> keyring.active().pair();
            Tariffs tariffs = new Tariffs(tables);
            AccountBooks accounts = new AccountBooks(tables);
            TopUps topups = new TopUps(accounts, money, active);
            Bookings bookings = new Bookings(tables, active, config.get(HostConfig.BOOKING_GRACE));
            StationBooks stations = new StationBooks(tables, money, bookings, is(registry, BoardKind.PUMP));
            ProductionBooks production = new ProductionBooks(tables, is(registry, BoardKind.WELLHEAD));
            List<StoredUplinkListener> projections = List.of(
                    new AccountProjection(accounts, money, tariffs, is(registry, BoardKind.METER)), stations, production);
            List<ApiRoutes> routes = List.of(
                    new IssuerKeyApi(keyring, committer, audit, clock),
                    new LedgerApi(ledger, clock),
                    new AccountApi(registry, accounts, topups, commands, committer, audit, clock,
                            config.get(HostConfig.DEVICE_OFFLINE_AFTER)),
                    new TariffApi(registry, tariffs, commands, active, committer, audit, clock),
                    new StationApi(registry, bookings, stations, committer, audit, clock),
                    new ProductionApi(registry, production, committer, audit, clock));
            ScheduledExecutorService forwarding = forwarder(config, ledger, dataDir, clock);
            Billing b = new Billing(ledgerStore, ledger, keyring, projections, routes, forwarding);
            b.accounts = accounts;
            b.topups = topups;
            b.tariffs = tariffs;
            return b;
        } catch (IOException e) {
            closeQuietly(ledgerStore);
            throw new HostException("cannot open the books in " + dataDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ledgerStore);
            throw e;
        }
    }

    private static void closeQuietly(FileLedgerStore s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                Logger.warn(e, "closing the ledger store");
            }
        }
    }

    private static Predicate<String> is(DeviceRegistry registry, BoardKind kind) {
        return id -> registry.find(id).map(d -> d.board() == kind).orElse(false);
    }

    /** Checkpoints are signed by the active issuer key; its kid names it in the JWK Set. */
    static CheckpointSigner signer(IssuerKeyring keyring) {
        return new CheckpointSigner() {
            @Override
            public String keyId() {
                return keyring.active().kid();
            }

            @Override
            public byte[] sign(byte[] message) {
                return keyring.active().pair().sign(message);
            }
        };
    }

    /** @return a check of checkpoint signatures against the keyring's active and verify-only keys */
    public static SignatureCheck signatureCheck(IssuerKeyring keyring) {
        return (kid, message, signature) -> {
            for (IssuerKey k : keyring.all()) {
                if (k.state() != IssuerKeyState.RETIRED && k.kid().equals(kid)) {
                    return BouncyCastleCrypto.INSTANCE.ed25519Verify(k.pair().publicKey(), message, signature);
                }
            }
            return false;
        };
    }

    private static ScheduledExecutorService forwarder(HostConfig config, Ledger ledger, Path dataDir, Clock clock)
            throws IOException {
        Map<String, Delivery> endpoints = endpoints(config.get(HostConfig.LEDGER_FORWARD));
        if (endpoints.isEmpty()) {
            return null;
        }
        LedgerForwarder f = new LedgerForwarder("fieldlink", ledger, endpoints,
                new FileCursorStore(dataDir.resolve("ledger").resolve("forward")), new Backoff(1_000, 300_000),
                new SplittableRandom(), 100);
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fieldlink-ledger-forward");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(() -> {
            try {
                long now = clock.millis();
                synchronized (ledger) {
                    if (ledger.size() > 0 && (ledger.latestCheckpoint() == null
                            || ledger.latestCheckpoint().size() != ledger.size())) {
                        ledger.checkpoint(now);
                    }
                }
                while (f.step(clock.millis()) <= clock.millis()) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                Logger.error(e, "ledger forwarding step failed");
            }
        }, 1, 1, TimeUnit.SECONDS);
        Logger.info("ledger forwarding to {}", endpoints.keySet());
        return s;
    }

    /**
     * @return the endpoints named in {@code spec} ({@code name=url,...})
     * @throws ConfigException naming the bad part
     */
    static Map<String, Delivery> endpoints(String spec) {
        Map<String, Delivery> out = new LinkedHashMap<>();
        if (spec.isBlank()) {
            return out;
        }
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).trim();
            if (name.isEmpty() || !name.matches("[A-Za-z0-9_-]+")) {
                throw new ConfigException("ledger.forward: '" + part + "' must be name=url, name of letters, digits, - and _");
            }
            try {
                out.put(name, new HttpDelivery(URI.create(part.substring(eq + 1).trim()), null, Duration.ofSeconds(10)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("ledger.forward: " + name + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** @return the projections to add to the ingest */
    public List<StoredUplinkListener> projections() {
        return projections;
    }

    /** @return the HTTP route groups */
    public List<ApiRoutes> routes() {
        return routes;
    }

    /** @return the ledger */
    public Ledger ledger() {
        return ledger;
    }

    /** @return the issuer keyring */
    public IssuerKeyring keyring() {
        return keyring;
    }

    /** @return the meter account books (for in-process tools and tests) */
    public AccountBooks accounts() {
        return accounts;
    }

    /** @return the top-up issuer; call inside a committer write */
    public TopUps topUps() {
        return topups;
    }

    /** @return the tariff book */
    public Tariffs tariffs() {
        return tariffs;
    }

    /** @return the active issuer key id, hex */
    public String activeKid() {
        return Hex.encode(keyring.active().pair().keyId());
    }

    @Override
    public void close() {
        if (forwarding != null) {
            forwarding.shutdownNow();
        }
        closeQuietly(ledgerStore);
    }
}
