package io.fieldlink.host.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.host.HandClock;
import io.fieldlink.host.HostFixture;
import io.fieldlink.host.billing.accounts.AccountBooks;
import io.fieldlink.host.billing.accounts.TopUps;
import io.fieldlink.host.ingest.Ingest;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.ledger.LedgerEntry;
import io.fieldlink.host.ledger.MoneyEventKind;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.store.ledger.FileLedgerStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's appends are held during a group and logged in the ingest log with the group's own
 * entries (one {@code force}), then published; the ledger file gets them at the next store
 * checkpoint or signed ledger checkpoint. A {@code kill -9} image taken at each point of a group that
 * redeems two tokens and books a day's consumption — during the apply (the entries only held), after
 * the Ack with the entries only in the ingest log, after a signed ledger checkpoint, after the group
 * failed (the entries synced to the file: the ledger ahead) — is started, the meter sends its whole
 * journal again, and every money event is then in the ledger exactly once, in its place, the account
 * books agree with it, and the ledger file holds it after a clean stop.
 */
class LedgerGroupSyncCrashTest {
    private static final long HOUR = 3_600_000L;
    private static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;
    @TempDir
    Path images;
    final HandClock clock = new HandClock(START);
    BooksRig rig;
    int imageCount;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    /** Takes a crash image while the group is applied: the ledger entries are held, nothing is synced. */
    final class DuringApply implements StoredUplinkListener {
        volatile long atSeq = -1;
        volatile Path image;

        @Override
        public void stored(Uplink uplink) {
            if (uplink.seq() == atSeq) {
                atSeq = -1;
                image = image();
            }
        }
    }

    /** Fails the group at this seq after the books (and the ledger) were written for the batch up to it. */
    static final class Failing implements StoredUplinkListener {
        volatile long atSeq = -1;

        @Override
        public void stored(Uplink uplink) {
            if (uplink.seq() == atSeq) {
                throw new IllegalStateException("the group fails");
            }
        }
    }

    private Path image() {
        Path next = images.resolve("image-" + imageCount++);
        try {
            HostFixture.copyTree(dir, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return next;
    }

    @Test
    void crashDuringTheApplyLosesTheHeldEntriesWithTheGroupAndTheResendBooksThemOnce() throws Exception {
        DuringApply during = new DuringApply();
        Scenario s = scenario(during);
        during.atSeq = s.meter.journal.get(s.meter.journal.size() - 1).seq();
        deliver(s.meter);
        Path image = during.image;
        assertThat(image).isNotNull();
        try (FileLedgerStore files = FileLedgerStore.open(image.resolve("ledger"))) {
            assertThat(files.entryCount()).as("the held entries were not on disk yet").isEqualTo(s.ledgerBefore);
        }
        restartFrom(image, s);
    }

    @Test
    void crashAfterTheAckBeforeAnyCheckpointRestoresTheEntriesFromTheIngestLogInTheirPlaces() throws Exception {
        Scenario s = scenario(null);
        deliver(s.meter);
        assertThat(rig.billing.ledger().size()).as("visible once the group is durable").isEqualTo(s.ledgerBefore + 3);
        List<LedgerEntry> before = entries();
        Path image = image();
        try (FileLedgerStore files = FileLedgerStore.open(image.resolve("ledger"))) {
            assertThat(files.entryCount()).as("durable in the ingest log only, not in the ledger file yet")
                    .isEqualTo(s.ledgerBefore);
        }
        assertThat(restartFrom(image, s)).as("restored in the same order: the same tree").isEqualTo(before);
    }

    @Test
    void aSignedLedgerCheckpointWritesTheEntriesToTheFileFirst() throws Exception {
        Scenario s = scenario(null);
        deliver(s.meter);
        List<LedgerEntry> before = entries();
        rig.billing.ledger().checkpoint(clock.millis());
        Path image = image();
        try (FileLedgerStore files = FileLedgerStore.open(image.resolve("ledger"))) {
            assertThat(files.entryCount()).isEqualTo(s.ledgerBefore + 3);
            assertThat(io.fieldlink.host.ledger.Checkpoint.decode(new String(files.checkpoint(files.checkpointCount() - 1),
                    java.nio.charset.StandardCharsets.US_ASCII)).size()).isEqualTo(s.ledgerBefore + 3);
        }
        assertThat(restartFrom(image, s)).isEqualTo(before);
    }

    @Test
    void aFailedGroupLeavesItsEntriesInTheLedgerFileAndTheResendAdoptsThem() throws Exception {
        Failing failing = new Failing();
        Scenario s = scenario(failing);
        failing.atSeq = s.meter.journal.get(s.meter.journal.size() - 1).seq();
        assertThatThrownBy(() -> deliver(s.meter)).isInstanceOf(CompletionException.class)
                .hasMessageContaining("the group fails");
        failing.atSeq = -1;
        Path image = image();
        try (FileLedgerStore files = FileLedgerStore.open(image.resolve("ledger"))) {
            assertThat(files.entryCount()).as("the ledger is ahead of the books").isEqualTo(s.ledgerBefore + 3);
        }
        restartFrom(image, s);
    }

    record Scenario(SimMeter meter, long ledgerBefore, long tokenA, long tokenB) {
    }

    /** A meter with two top-ups issued (a checkpoint each), then a day's use and both tokens typed in, all unsent. */
    private Scenario scenario(StoredUplinkListener extra) {
        rig = new BooksRig(dir, clock, extra, true);
        SimMeter m = new SimMeter("m-1");
        rig.committer.write(() -> {
            rig.registry.provision(m.id, BoardKind.METER, START);
            return null;
        });
        TopUps.Issued a = rig.committer.write(() -> rig.billing.topUps().issue(m.id, 70_000, "r-a", START));
        TopUps.Issued b = rig.committer.write(() -> rig.billing.topUps().issue(m.id, 30_000, "r-b", START));
        long t = START;
        for (int h = 1; h <= 26; h++) {
            t = START + h * HOUR;
            m.hour(t, 400);
            if (h == 25) {
                assertThat(m.redeem(a.topUp().tokenId(), 70_000, t)).isTrue();
                assertThat(m.redeem(b.topUp().tokenId(), 30_000, t)).isTrue();
            }
        }
        clock.set(t);
        return new Scenario(m, rig.billing.ledger().size(), a.topUp().tokenId(), b.topUp().tokenId());
    }

    /** Sends the whole journal as one batch (one group): two redemptions and the first day's charge. */
    private Ingest.BatchOutcome deliver(SimMeter m) {
        return rig.ingest.submitBatch(m.id, new ArrayList<>(m.journal), clock.millis(), 8).join();
    }

    private List<LedgerEntry> entries() {
        List<LedgerEntry> out = new ArrayList<>();
        for (long i = 0; i < rig.billing.ledger().size(); i++) {
            out.add(rig.billing.ledger().entry(i));
        }
        return out;
    }

    /** Starts a host on the image, lets the meter send its whole journal again, and checks the money. */
    /** @return the ledger's entries after the restart */
    private List<LedgerEntry> restartFrom(Path image, Scenario s) throws IOException {
        rig.close();
        dir = image;
        rig = new BooksRig(dir, clock, null, true);
        deliver(s.meter);
        deliver(s.meter);
        rig.close();
        rig = new BooksRig(dir, clock, null, true);

        SimMeter m = s.meter;
        List<LedgerEntry> entries = entries();
        assertThat(entries.stream().filter(e -> e.key().startsWith("redeem:")).count())
                .as("each redemption in the ledger once").isEqualTo(2);
        assertThat(entries.stream().filter(e -> e.key().startsWith("charge:")).count())
                .as("the day's charge in the ledger once").isEqualTo(1);
        assertThat(entries.stream().filter(e -> e.kind() == MoneyEventKind.TOPUP_ISSUED).count()).isEqualTo(2);
        long redeemedInLedger = entries.stream().filter(e -> e.kind() == MoneyEventKind.CREDIT_REDEEMED)
                .mapToLong(LedgerEntry::amountMilli).sum();
        long chargedInLedger = -entries.stream().filter(e -> e.kind() == MoneyEventKind.CONSUMPTION_CHARGED)
                .mapToLong(LedgerEntry::amountMilli).sum();
        AccountBooks books = rig.billing.accounts();
        var account = books.find(m.id).orElseThrow();
        assertThat(redeemedInLedger).isEqualTo(100_000).isEqualTo(m.creditIn).isEqualTo(account.redeemed);
        assertThat(chargedInLedger).isEqualTo(account.ledgerCharged).isPositive();
        assertThat(account.balance).isEqualTo(m.balance);
        assertThat(books.topUp(m.id, s.tokenA).orElseThrow().status()).isEqualTo("redeemed");
        assertThat(books.topUp(m.id, s.tokenB).orElseThrow().status()).isEqualTo("redeemed");
        assertThat(m.balanced()).isTrue();
        assertThat(rig.billing.ledger().heldCount()).isZero();
        rig.close();
        rig = null;
        try (FileLedgerStore files = FileLedgerStore.open(dir.resolve("ledger"))) {
            assertThat(files.entryCount()).as("in the file after the clean stop's checkpoint").isEqualTo(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                assertThat(LedgerEntry.decode(files.entry(i))).isEqualTo(entries.get(i));
            }
        }
        return entries;
    }
}
