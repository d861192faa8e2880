package io.fieldlink.host.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies a stored ledger from scratch: every entry decodes, every checkpoint's signature holds,
 * its root is the root of the entries as stored, and sizes and times never go backwards. Changing,
 * removing or reordering any stored entry under a checkpoint is caught.
 */
public final class LedgerAudit {
    /** The outcome: the problems found (none means verified), and what was checked. */
    public record Report(long entries, long checkpoints, List<String> problems) {
        public boolean verified() {
            return problems.isEmpty();
        }
    }

    private LedgerAudit() {
    }

    public static Report verify(LedgerStore store, SignatureCheck signatures) throws IOException {
        List<String> problems = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        long entries = store.entryCount();
        for (long i = 0; i < entries; i++) {
            byte[] bytes = store.entry(i);
            try {
                LedgerEntry.decode(bytes);
            } catch (IllegalArgumentException e) {
                problems.add("entry " + i + " does not decode: " + e.getMessage());
            }
            tree.append(MerkleHashing.leafHash(bytes));
        }
        long checkpoints = store.checkpointCount();
        Checkpoint previous = null;
        for (long c = 0; c < checkpoints; c++) {
            Checkpoint checkpoint;
            try {
                checkpoint = Checkpoint.decode(new String(store.checkpoint(c), StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                problems.add("checkpoint " + c + " does not decode: " + e.getMessage());
                continue;
            }
            if (!checkpoint.verify(signatures)) {
                problems.add("checkpoint " + c + " has a bad signature (key " + checkpoint.keyId() + ")");
            }
            if (checkpoint.size() > entries) {
                problems.add("checkpoint " + c + " covers " + checkpoint.size() + " entries but only " + entries + " are stored");
            } else if (!Arrays.equals(tree.root(checkpoint.size()), checkpoint.root())) {
                problems.add("checkpoint " + c + " root does not match the stored entries 0.." + (checkpoint.size() - 1));
            }
            if (previous != null && checkpoint.size() < previous.size()) {
                problems.add("checkpoint " + c + " shrinks the ledger from " + previous.size() + " to " + checkpoint.size());
            }
            if (previous != null && checkpoint.timeMillis() < previous.timeMillis()) {
                problems.add("checkpoint " + c + " goes back in time");
            }
            previous = checkpoint;
        }
        return new Report(entries, checkpoints, List.copyOf(problems));
    }
}
