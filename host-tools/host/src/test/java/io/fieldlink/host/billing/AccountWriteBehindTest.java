package io.fieldlink.host.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.host.HandClock;
import io.fieldlink.host.HostFixture;
import io.fieldlink.host.billing.accounts.AccountBooks;
import io.fieldlink.host.billing.accounts.AccountState;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.store.billing.StoreTables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts written behind the ingest log: an acknowledged pack is in the account at once, held in
 * memory and written into the store at the checkpoint only; a write failing later (rollback to the
 * checkpoint, the log re-applied) books nothing twice and loses nothing; a crash image replays it.
 */
class AccountWriteBehindTest {
    private static final long HOUR = 3_600_000L;
    private static final long T0 = Instant.parse("2026-05-04T00:00:00Z").toEpochMilli();
    @TempDir
    Path dir;
    @TempDir
    Path image;
    final HandClock clock = new HandClock(T0);
    BooksRig rig;

    /** Fails the uplink with this seq. */
    static final class Poison implements StoredUplinkListener {
        volatile long seq = -1;

        @Override
        public void stored(Uplink u) {
            if (u.seq() == seq) {
                throw new IllegalStateException("poisoned uplink " + u.seq());
            }
        }
    }

    final Poison poison = new Poison();

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    private void pack(long seq, long t, long balance, long energy, long charged) {
        rig.ingest.submit(new Uplink("m", seq, List.of(new Reading("balance", t, balance), new Reading("energy", t, energy),
                new Reading("charged", t, charged)), List.of(), clock.millis())).join();
    }

    private AccountState account() {
        return rig.billing.accounts().find("m").orElseThrow();
    }

    private long bandCost() {
        return rig.billing.accounts().bandUsage("m", 0, Long.MAX_VALUE).stream().mapToLong(AccountBooks.BandUsage::cost).sum();
    }

    private void fixedCharge(long seq, long t, long amount) {
        rig.ingest.submit(new Uplink("m", seq, List.of(new Reading("fixed_charge", t, amount)), List.of(), clock.millis()))
                .join();
    }

    /**
     * A pack's cost in its band leaves out the fixed charges between it and the previous pack (kept
     * in memory per meter, not scanned from the table per pack): across a checkpoint, a rollback, a
     * fixed charge that arrives after a later pack, and a restart.
     */
    @Test
    void fixedChargesBetweenPacksAreLeftOutOfTheBandCost() throws Exception {
        rig = new BooksRig(dir, clock, poison, true);
        rig.committer.write(() -> rig.registry.provision("m", BoardKind.METER, T0));
        pack(1, T0 + HOUR, 5_000, 100, 0);
        fixedCharge(2, T0 + HOUR + 1, 300);
        pack(3, T0 + 2 * HOUR, 4_000, 200, 1_300);
        assertThat(bandCost()).as("1,300 charged, 300 of it fixed").isEqualTo(1_000);
        rig.committer.write(() -> null);
        fixedCharge(4, T0 + 2 * HOUR + 1, 200);
        pack(6, T0 + 3 * HOUR, 3_000, 300, 2_000);
        fixedCharge(5, T0 + 2 * HOUR + 2, 50); // late: pack 6 was booked without it (as when scanning)
        assertThat(bandCost()).isEqualTo(1_000 + 500);
        poison.seq = 8;
        fixedCharge(7, T0 + 3 * HOUR + 1, 100);
        assertThatThrownBy(() -> pack(8, T0 + 4 * HOUR, 2_000, 400, 3_000)).isInstanceOf(CompletionException.class);
        poison.seq = -1;
        pack(9, T0 + 4 * HOUR, 2_000, 400, 3_000);
        assertThat(bandCost()).as("after the rollback, fixed charge 7 still left out").isEqualTo(1_500 + 900);
        HostFixture.copyTree(dir, image.resolve("crash"));
        rig.close();
        rig = new BooksRig(image.resolve("crash"), clock, poison, true);
        fixedCharge(10, T0 + 4 * HOUR + 1, 400);
        pack(11, T0 + 5 * HOUR, 1_000, 500, 4_000);
        assertThat(bandCost()).isEqualTo(2_400 + 600);
    }

    private long bandWh() {
        return rig.billing.accounts().bandUsage("m", 0, Long.MAX_VALUE).stream().mapToLong(AccountBooks.BandUsage::wh).sum();
    }

    private String storedAccount() {
        return new StoreTables(rig.store).table("accounts").get("m");
    }

    @Test
    void anAcknowledgedPackIsReadFromMemoryUntilTheCheckpointAndSurvivesARollbackAndACrash() throws Exception {
        rig = new BooksRig(dir, clock, poison, true);
        rig.committer.write(() -> rig.registry.provision("m", BoardKind.METER, T0));
        pack(1, T0 + HOUR, 5_000, 100, 0);
        pack(2, T0 + 2 * HOUR, 4_000, 200, 1_000);
        assertThat(account().balance).as("read-your-writes").isEqualTo(4_000);
        assertThat(rig.billing.accounts().meters()).containsExactly("m");
        assertThat(rig.billing.accounts().unsavedAccounts()).isEqualTo(1);
        assertThat(storedAccount()).as("not written into the store per uplink").isNull();

        assertThat(rig.billing.accounts().unsavedBandUsage()).isEqualTo(1);
        assertThat(new StoreTables(rig.store).table("band-usage")).as("band usage not written per uplink").isEmpty();
        assertThat(bandWh()).isEqualTo(100);

        rig.committer.write(() -> null); // any write that is not logged checkpoints
        assertThat(rig.billing.accounts().unsavedAccounts()).isZero();
        assertThat(rig.billing.accounts().unsavedBandUsage()).isZero();
        assertThat(storedAccount()).contains("\"balance\":4000");
        assertThat(new StoreTables(rig.store).table("band-usage")).hasSize(1);
        assertThat(bandWh()).isEqualTo(100);

        pack(3, T0 + 3 * HOUR, 3_000, 300, 2_000);
        assertThat(account().balance).isEqualTo(3_000);
        assertThat(bandWh()).isEqualTo(200);
        poison.seq = 4;
        assertThatThrownBy(() -> pack(4, T0 + 4 * HOUR, 2_000, 400, 3_000)).isInstanceOf(CompletionException.class)
                .hasMessageContaining("poisoned uplink 4");
        // the store went back to the checkpoint and the log re-applied pack 3: once, from the stored account
        assertThat(account().balance).isEqualTo(3_000);
        assertThat(account().packSeq).isEqualTo(3);
        assertThat(bandWh()).as("pack 3's energy booked once").isEqualTo(200);
        poison.seq = -1;

        pack(5, T0 + 5 * HOUR, 1_500, 450, 3_500);
        HostFixture.copyTree(dir, image.resolve("crash")); // kill -9 now: the store at its checkpoint, packs 3 and 5 in the log
        rig.close();
        rig = new BooksRig(image.resolve("crash"), clock, poison, true);
        assertThat(rig.replayed).isGreaterThan(0);
        assertThat(account().balance).isEqualTo(1_500);
        assertThat(account().packSeq).isEqualTo(5);
        assertThat(bandWh()).isEqualTo(350);
    }
}
