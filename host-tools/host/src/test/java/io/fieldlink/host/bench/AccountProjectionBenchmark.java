package io.fieldlink.host.bench;

import io.fieldlink.host.billing.MoneyBook;
import io.fieldlink.host.billing.accounts.AccountBooks;
import io.fieldlink.host.billing.accounts.AccountProjection;
import io.fieldlink.host.billing.tariff.Tariffs;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.ledger.CheckpointSigner;
import io.fieldlink.host.ledger.Ledger;
import io.fieldlink.host.store.Committer;
import io.fieldlink.host.store.HostStore;
import io.fieldlink.host.store.billing.StoreTables;
import io.fieldlink.host.store.ledger.FileLedgerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the meter-account projection adds to the committer per stored meter record: 100 periodic
 * packs (balance, energy, charged; a new UTC day every 96, which books a day's charge to the ledger
 * on disk) or 100 credit redemptions (each a ledger append, forced to disk) in one committed write,
 * against the same write doing nothing. Real MapDB store and ledger files in a temporary directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AccountProjectionBenchmark {
    private static final int OPS = 100;
    private Path dir;
    private HostStore store;
    private Committer committer;
    private FileLedgerStore ledgerStore;
    private AccountProjection projection;
    private long seq;
    private long time = 1_800_000_000_000L;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("fieldlink-bench");
        store = HostStore.open(dir);
        committer = new Committer(store, 100, 10);
        ledgerStore = FileLedgerStore.open(dir.resolve("ledger"));
        Ledger ledger = Ledger.open(ledgerStore, new CheckpointSigner() {
            @Override
            public String keyId() {
                return "bench";
            }

            @Override
            public byte[] sign(byte[] message) {
                return new byte[64];
            }
        });
        StoreTables tables = new StoreTables(store);
        projection = new AccountProjection(new AccountBooks(tables), new MoneyBook(ledger), new Tariffs(tables), id -> true);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        committer.close();
        ledgerStore.close();
        store.close();
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object baseline() {
        return committer.write(() -> {
            for (int i = 0; i < OPS; i++) {
                seq++;
            }
            return seq;
        });
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object pack() {
        return committer.write(() -> {
            for (int i = 0; i < OPS; i++) {
                time += 900_000;
                long s = seq++;
                projection.stored(new Uplink("m", s, List.of(new Reading("balance", time, 50_000 - s),
                        new Reading("energy", time, s), new Reading("charged", time, s * 10)), List.of(), time));
            }
            return seq;
        });
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public Object redemption() {
        return committer.write(() -> {
            for (int i = 0; i < OPS; i++) {
                long s = seq++;
                projection.stored(new Uplink("m", s, List.of(), List.of(new Event("token-redemption", time,
                        "{\"tokenId\":" + s + ",\"kind\":\"credit\",\"reason\":0,\"accepted\":true,\"amount\":1000}")), time));
            }
            return seq;
        });
    }
}
