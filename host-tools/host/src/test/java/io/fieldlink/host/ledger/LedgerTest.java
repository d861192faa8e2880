package io.fieldlink.host.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private final MemoryLedgerStore store = new MemoryLedgerStore();
    private final TestSigner signer = new TestSigner("host-1");

    @Test
    void appendsEachKeyExactlyOnce() throws Exception {
        Ledger ledger = Ledger.open(store, signer);
        LedgerEntry topup = topup("topup:req-1", 5_000);

        Ledger.Appended first = ledger.append(topup);
        Ledger.Appended again = ledger.append(topup);

        assertThat(first).isEqualTo(new Ledger.Appended(0, true));
        assertThat(again).isEqualTo(new Ledger.Appended(0, false));
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(store.entries).hasSize(1);
    }

    @Test
    void heldAppendsAreSeenByTheWriterAndPublishedToReadersOnlyBySync() throws Exception {
        Ledger ledger = Ledger.open(store, signer);
        ledger.append(topup("topup:a", 1));
        ledger.holdAppends();
        byte[] rootBefore = ledger.root();

        Ledger.Appended b = ledger.append(topup("topup:b", 2));
        Ledger.Appended c = ledger.append(topup("topup:c", 3));
        Ledger.Appended bAgain = ledger.append(topup("topup:b", 2));

        assertThat(b).isEqualTo(new Ledger.Appended(1, true));
        assertThat(c).isEqualTo(new Ledger.Appended(2, true));
        assertThat(bAgain).isEqualTo(new Ledger.Appended(1, false));
        assertThat(ledger.find("topup:c")).contains(topup("topup:c", 3));
        assertThat(ledger.heldCount()).isEqualTo(2);
        assertThat(store.entries).as("nothing written before the sync").hasSize(1);
        assertThat(ledger.size()).isEqualTo(1);
        assertThat(ledger.indexOf("topup:b")).isEqualTo(-1);
        assertThat(ledger.root()).isEqualTo(rootBefore);
        assertThat(ledger.checkpoint(1_000).size()).as("a checkpoint signs only synced entries").isEqualTo(1);
        assertThatThrownBy(() -> ledger.append(topup("topup:c", 4))).isInstanceOf(IllegalArgumentException.class);

        ledger.sync();

        assertThat(store.entries).hasSize(3);
        assertThat(ledger.heldCount()).isZero();
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(ledger.indexOf("topup:c")).isEqualTo(2);
        assertThat(ledger.entry(1)).isEqualTo(topup("topup:b", 2));
        Ledger reopened = Ledger.open(store, signer);
        assertThat(reopened.root()).isEqualTo(ledger.root());
    }

    @Test
    void droppedHeldAppendsLeaveNoTrace() throws Exception {
        Ledger ledger = Ledger.open(store, signer);
        ledger.holdAppends();
        ledger.append(topup("topup:a", 1));

        ledger.dropHeld();
        ledger.sync();

        assertThat(store.entries).isEmpty();
        assertThat(ledger.find("topup:a")).isEmpty();
        assertThat(ledger.append(topup("topup:a", 5))).isEqualTo(new Ledger.Appended(0, true));
    }

    @Test
    void sameKeyWithDifferentContentIsRefusedAndChangesNothing() throws Exception {
        Ledger ledger = Ledger.open(store, signer);
        ledger.append(topup("topup:req-1", 5_000));

        assertThatThrownBy(() -> ledger.append(topup("topup:req-1", 6_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topup:req-1 already holds a different event");
        assertThat(ledger.size()).isEqualTo(1);
    }

    @Test
    void checkpointTimeNeverGoesBackwards() throws Exception {
        Ledger ledger = Ledger.open(store, signer);
        ledger.append(topup("topup:a", 1));
        Checkpoint first = ledger.checkpoint(2_000);
        ledger.append(topup("topup:b", 2));

        Checkpoint second = ledger.checkpoint(1_000);

        assertThat(second.timeMillis()).isEqualTo(first.timeMillis());
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.verify(signer)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(1, 2, first.root(), second.root(), ledger.consistencyProof(1, 2))).isTrue();
    }

    @Test
    void reopeningRebuildsTreeKeysAndLatestCheckpoint() throws Exception {
        Ledger ledger = Ledger.open(store, signer);
        for (int i = 0; i < 10; i++) {
            ledger.append(topup("topup:" + i, i * 100L));
        }
        Checkpoint checkpoint = ledger.checkpoint(5_000);

        Ledger reopened = Ledger.open(store, signer);

        assertThat(reopened.root()).isEqualTo(ledger.root());
        assertThat(reopened.indexOf("topup:7")).isEqualTo(7);
        assertThat(reopened.append(topup("topup:7", 700)).fresh()).isFalse();
        assertThat(reopened.latestCheckpoint()).isEqualTo(checkpoint);
    }

    @Test
    void auditVerifiesAnUntouchedLedger() throws Exception {
        Ledger ledger = Ledger.open(store, signer);
        for (int i = 0; i < 33; i++) {
            ledger.append(topup("topup:" + i, i));
            if (i % 8 == 0) {
                ledger.checkpoint(i * 1_000L);
            }
        }

        LedgerAudit.Report report = LedgerAudit.verify(store, signer);

        assertThat(report.problems()).isEmpty();
        assertThat(report.entries()).isEqualTo(33);
        assertThat(report.checkpoints()).isEqualTo(5);
    }

    @Test
    void auditCatchesOneChangedEntry() throws Exception {
        Ledger ledger = Ledger.open(store, signer);
        for (int i = 0; i < 12; i++) {
            ledger.append(topup("topup:" + i, 1_000));
        }
        ledger.checkpoint(1);
        store.entries.set(4, topup("topup:4", 1_000_000).encode());

        LedgerAudit.Report report = LedgerAudit.verify(store, signer);

        assertThat(report.verified()).isFalse();
        assertThat(report.problems()).containsExactly("checkpoint 0 root does not match the stored entries 0..11");
    }

    @Test
    void auditCatchesAForgedCheckpointSignature() throws Exception {
        Ledger ledger = Ledger.open(store, signer);
        ledger.append(topup("topup:x", 1));
        ledger.checkpoint(1);
        Checkpoint honest = ledger.latestCheckpoint();
        byte[] forged = new TestSigner("host-1").sign(honest.signedMessage());
        store.checkpoints.set(0, new Checkpoint(honest.size(), honest.root(), honest.timeMillis(), "host-1", forged)
                .encode().getBytes(StandardCharsets.US_ASCII));

        assertThat(LedgerAudit.verify(store, signer).problems()).containsExactly("checkpoint 0 has a bad signature (key host-1)");
    }

    @Test
    void checkpointTextRoundTripsAndBadTextIsNamed() {
        Checkpoint checkpoint = new Checkpoint(3, new byte[32], 77, "k1", new byte[64]);

        assertThat(Checkpoint.decode(checkpoint.encode())).isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.decode("nonsense")).hasMessageContaining("5 lines");
        assertThatThrownBy(() -> Checkpoint.decode(checkpoint.encode().replace("\n3\n", "\nthree\n")))
                .hasMessageContaining("size is not a number");
    }

    @Test
    void badEntryBytesAreNamedErrors() {
        byte[] bytes = topup("topup:1", 1).encode();

        assertThatThrownBy(() -> LedgerEntry.decode(new byte[] {1})).hasMessageContaining("truncated at its kind");
        assertThatThrownBy(() -> LedgerEntry.decode(java.util.Arrays.copyOf(bytes, bytes.length - 1))).hasMessageContaining("payload");
        assertThatThrownBy(() -> LedgerEntry.decode(new byte[] {9})).hasMessageContaining("version 9");
    }

    private static LedgerEntry topup(String key, long amount) {
        return new LedgerEntry(MoneyEventKind.TOPUP_ISSUED, key, "meter-1", amount, 1_700_000_000_000L, new byte[] {1, 2, 3});
    }
}
