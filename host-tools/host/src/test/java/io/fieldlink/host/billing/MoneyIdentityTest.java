package io.fieldlink.host.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.host.Billing;
import io.fieldlink.host.HandClock;
import io.fieldlink.host.billing.accounts.AccountBooks;
import io.fieldlink.host.billing.accounts.AccountReports;
import io.fieldlink.host.billing.accounts.AccountState;
import io.fieldlink.host.billing.accounts.TopUps;
import io.fieldlink.host.billing.keys.IssuerKeyring;
import io.fieldlink.host.ingest.StoredUplinkListener;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.ledger.Checkpoint;
import io.fieldlink.host.ledger.LedgerAudit;
import io.fieldlink.host.ledger.LedgerEntry;
import io.fieldlink.host.ledger.MerkleHashing;
import io.fieldlink.host.ledger.MerkleProofs;
import io.fieldlink.host.ledger.MerkleTree;
import io.fieldlink.host.ledger.MoneyEventKind;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.store.keys.FileKeyringStore;
import io.fieldlink.host.store.ledger.FileLedgerStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies the money identity over a simulated month of three meters with faults: meters offline for
 * hours (records backfilled), acknowledgements lost (records sent again: duplicates), clean host
 * restarts, and a power cut between the ledger append and the store commit. At the end: credit
 * issued = redeemed + outstanding (+ voided); per meter redeemed + emergency owed − charged = the
 * balance the meter reports, and equals the meter's own books; every redemption is in the ledger once;
 * and the ledger verifies from its files (checkpoint signatures, roots, inclusion and consistency
 * proofs) after the restarts.
 */
class MoneyIdentityTest {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;
    @TempDir
    Path images;
    /** True when the host runs with its ingest log and a restart is a kill -9 crash image, not a clean stop. */
    boolean crashImages;
    int imageCount;
    long replayedAtRestarts;
    final Random random = new Random(20260301);
    final HandClock clock = new HandClock(START);
    final PowerCut cut = new PowerCut();
    BooksRig rig;

    /**
     * While armed, fails the commit holding record {@code atSeq}, after the books (and the ledger) were
     * written for every record of the batch up to it: a power cut before the commit.
     */
    static final class PowerCut implements StoredUplinkListener {
        volatile boolean armed;
        volatile long atSeq;

        @Override
        public void stored(Uplink uplink) {
            if (armed && uplink.seq() == atSeq) {
                throw new IllegalStateException("power cut before the commit");
            }
        }
    }

    record Pocket(long tokenId, long amount, long dueAt) {
    }

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    private void restart() {
        if (!crashImages) {
            rig.close();
            rig = new BooksRig(dir, clock, cut);
            return;
        }
        // what kill -9 between two checkpoints leaves: the store at its last checkpoint, the ingest log and
        // the ledger files after it; the host starting there replays the log through the projections
        Path next = images.resolve("image-" + imageCount++);
        try {
            io.fieldlink.host.HostFixture.copyTree(dir, next);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        rig.close();
        dir = next;
        rig = new BooksRig(dir, clock, cut, true);
        replayedAtRestarts += rig.replayed;
    }

    /** Sends the meter's journal in batches of up to 20; an acknowledgement is lost now and then. */
    private void deliver(SimMeter m, long t, double ackLoss) {
        while (!m.journal.isEmpty()) {
            List<Uplink> batch = new ArrayList<>(m.journal.subList(0, Math.min(20, m.journal.size())));
            rig.ingest.submitBatch(m.id, batch, t, 8).join();
            if (random.nextDouble() < ackLoss) {
                return;
            }
            m.journal.subList(0, batch.size()).clear();
        }
    }

    @Test
    void monthWithFaultsKeepsTheIdentityAndTheLedgerVerifies() throws Exception {
        month();
    }

    /**
     * The same month with the ingest log as the durability point, every restart a crash image taken
     * between two store checkpoints (the store behind the log), and the power cut a write failing
     * after other uplinks of the log were applied: money is never created or lost, every redemption
     * is booked once.
     */
    @Test
    void monthWithCrashesBetweenCheckpointsKeepsTheIdentity() throws Exception {
        crashImages = true;
        month();
        assertThat(imageCount).isEqualTo(3);
        assertThat(replayedAtRestarts).as("batches re-applied from the log after the crashes").isGreaterThan(0);
    }

    private void month() throws Exception {
        rig = new BooksRig(dir, clock, cut, crashImages);
        List<SimMeter> meters = List.of(new SimMeter("m-1"), new SimMeter("m-2"), new SimMeter("m-3"));
        rig.committer.write(() -> {
            for (SimMeter m : meters) {
                rig.registry.provision(m.id, BoardKind.METER, START);
            }
            return null;
        });
        Map<String, List<Pocket>> pockets = new HashMap<>();
        long lost = 0;
        List<Checkpoint> checkpoints = new ArrayList<>();
        boolean crashed = false;
        for (int day = 0; day < 30; day++) {
            if (day == 7 || day == 21) {
                restart();
            }
            for (int hour = 0; hour < 24; hour++) {
                long t = START + day * DAY + (hour + 1) * HOUR;
                clock.set(t);
                for (int i = 0; i < meters.size(); i++) {
                    SimMeter m = meters.get(i);
                    m.hour(t, 200 + random.nextInt(1300));
                    for (Pocket p : new ArrayList<>(pockets.getOrDefault(m.id, List.of()))) {
                        if (p.dueAt() <= t) {
                            assertThat(m.redeem(p.tokenId(), p.amount(), t)).isTrue();
                            pockets.get(m.id).remove(p);
                        }
                    }
                    if (hour == 12 && day % 3 == i) {
                        long amount = 60_000 + 1_000L * random.nextInt(40);
                        String request = "r-" + m.id + "-" + day;
                        TopUps.Issued issued = rig.committer.write(() -> rig.billing.topUps().issue(m.id, amount, request, t));
                        if (random.nextInt(3) == 0) {
                            TopUps.Issued again = rig.committer.write(() -> rig.billing.topUps().issue(m.id, amount, request, t));
                            assertThat(again.created()).isFalse();
                            assertThat(again.topUp().token()).isEqualTo(issued.topUp().token());
                        }
                        if (random.nextInt(8) == 0) {
                            lost += amount;
                        } else {
                            pockets.computeIfAbsent(m.id, k -> new ArrayList<>())
                                    .add(new Pocket(issued.topUp().tokenId(), amount, t + (1 + random.nextInt(30)) * HOUR));
                        }
                    }
                    boolean crashNow = day == 10 && hour == 0 && i == 0;
                    if (crashNow) {
                        TopUps.Issued now = rig.committer.write(() -> rig.billing.topUps().issue(m.id, 50_000, "crash", t));
                        assertThat(m.redeem(now.topUp().tokenId(), 50_000, t)).isTrue();
                        long before = rig.billing.ledger().size();
                        cut.armed = true;
                        cut.atSeq = m.journal.get(m.journal.size() - 1).seq();
                        assertThatThrownBy(() -> rig.ingest.submitBatch(m.id, new ArrayList<>(m.journal), t, 8).join())
                                .isInstanceOf(CompletionException.class).hasMessageContaining("power cut");
                        cut.armed = false;
                        assertThat(rig.billing.ledger().size()).as("the ledger is ahead of the books").isGreaterThan(before);
                        restart();
                        crashed = true;
                    }
                    if (crashNow || random.nextDouble() < 0.4) {
                        deliver(m, t, 0.15);
                    }
                }
            }
            checkpoints.add(rig.billing.ledger().checkpoint(clock.millis()));
        }
        assertThat(crashed).isTrue();
        long end = START + 30 * DAY + HOUR;
        clock.set(end);
        for (SimMeter m : meters) {
            m.hour(end, 0);
            deliver(m, end, 0);
            assertThat(m.balanced()).isTrue();
        }
        checkpoints.add(rig.billing.ledger().checkpoint(end));

        AccountBooks books = rig.billing.accounts();
        AccountReports reports = new AccountReports(books);
        Map<String, long[]> perMeter = new HashMap<>();
        long issued = 0;
        long voided = 0;
        long redeemed = 0;
        int redemptions = 0;
        for (long i = 0; i < rig.billing.ledger().size(); i++) {
            LedgerEntry e = rig.billing.ledger().entry(i);
            long[] sums = perMeter.computeIfAbsent(e.account(), k -> new long[2]);
            switch (e.kind()) {
                case TOPUP_ISSUED -> issued += e.amountMilli();
                case TOPUP_VOIDED -> voided -= e.amountMilli();
                case CREDIT_REDEEMED -> {
                    redeemed += e.amountMilli();
                    redemptions++;
                    sums[0] += e.amountMilli();
                }
                case CONSUMPTION_CHARGED -> sums[1] -= e.amountMilli();
                default -> throw new AssertionError("unexpected " + e);
            }
        }
        for (List<Pocket> left : pockets.values()) {
            for (Pocket p : left) {
                lost += p.amount();
            }
        }
        long outstanding = 0;
        for (AccountBooks.TopUp t : books.topUps(null)) {
            if (t.status().equals("issued")) {
                outstanding += t.amount();
            }
        }
        assertThat(outstanding).isEqualTo(lost);
        assertThat(issued).as("credit issued = redeemed + outstanding + voided").isEqualTo(redeemed + outstanding + voided);
        assertThat(redemptions).as("every redemption booked once").isEqualTo(meters.stream().mapToInt(m -> m.redemptions).sum());
        for (SimMeter m : meters) {
            AccountState s = books.find(m.id).orElseThrow();
            AccountReports.Check c = reports.check(m.id).orElseThrow();
            assertThat(c.mismatch()).as("identity of " + m.id).isFalse();
            assertThat(c.reported()).isEqualTo(m.balance);
            assertThat(c.redeemed()).isEqualTo(m.creditIn);
            assertThat(c.charged()).isEqualTo(m.charged);
            long[] sums = perMeter.get(m.id);
            assertThat(sums[0]).as("ledger redeemed of " + m.id).isEqualTo(m.creditIn);
            assertThat(sums[1]).as("ledger charges of " + m.id).isEqualTo(s.ledgerCharged);
            assertThat(sums[0] + s.emergencyOwed() - sums[1] - (s.charged - s.ledgerCharged)).isEqualTo(m.balance);
            assertThat(books.dailyCharges(m.id, 0, Long.MAX_VALUE / DAY)).hasSizeGreaterThanOrEqualTo(29);
        }
        assertThat(reports.reconciliation()).contains("\"mismatches\":[]");

        rig.close();
        rig = null;
        try (FileLedgerStore files = FileLedgerStore.open(dir.resolve("ledger"))) {
            IssuerKeyring keyring = IssuerKeyring.open(new FileKeyringStore(dir.resolve("issuer-keys")), new SecureRandom(), end);
            LedgerAudit.Report report = LedgerAudit.verify(files, Billing.signatureCheck(keyring));
            assertThat(report.problems()).isEmpty();
            assertThat(report.checkpoints()).isEqualTo(checkpoints.size());
            MerkleTree tree = new MerkleTree();
            for (long i = 0; i < files.entryCount(); i++) {
                tree.append(MerkleHashing.leafHash(files.entry(i)));
            }
            Checkpoint last = checkpoints.get(checkpoints.size() - 1);
            for (long i = 0; i < last.size(); i++) {
                assertThat(MerkleProofs.verifyInclusion(i, last.size(), MerkleHashing.leafHash(files.entry(i)),
                        tree.inclusionProof(i, last.size()), last.root())).as("inclusion of " + i).isTrue();
            }
            for (Checkpoint c : checkpoints) {
                if (c.size() > 0) {
                    assertThat(MerkleProofs.verifyConsistency(c.size(), last.size(), c.root(), last.root(),
                            tree.consistencyProof(c.size(), last.size()))).isTrue();
                }
            }
        }
    }
}
