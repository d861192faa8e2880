package io.fieldlink.firmware.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.firmware.hal.memory.MemoryStorage;
import io.fieldlink.firmware.hal.memory.PowerLossException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class JournalTest {
    private static final int LOG = 512;
    private static final int SNAP = 256;
    private MemoryStorage storage = fresh();

    private static MemoryStorage fresh() {
        return new MemoryStorage().addArea("journal", LOG).addArea("snapshot", SNAP);
    }

    private Journal open() {
        return Journal.open(storage.area("journal"), storage.area("snapshot"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> records(Journal j) {
        List<String> out = new ArrayList<>();
        JournalCursor c = j.cursor();
        while (c.next()) {
            byte[] p = new byte[c.payloadLength()];
            c.copyPayload(p, 0);
            out.add(c.seq() + ":" + c.type() + ":" + c.time() + ":" + new String(p, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String state(Journal j) {
        byte[] b = new byte[j.stateLength()];
        j.readState(b, 0);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void crc32MatchesTheJdk() {
        byte[] d = bytes("123456789");
        assertThat(Crc32.of(d, 0, d.length)).isEqualTo(0xCBF43926);
        CRC32 jdk = new CRC32();
        byte[] more = new byte[300];
        for (int i = 0; i < more.length; i++) {
            more[i] = (byte) (i * 31);
        }
        jdk.update(more);
        assertThat(Crc32.of(more, 0, more.length)).isEqualTo((int) jdk.getValue());
    }

    @Test
    void appendsAndRecoversRecordsInOrder() {
        Journal j = open();
        assertThat(j.append(1, 100, bytes("a"), 0, 1)).isEqualTo(1);
        assertThat(j.append(2, 200, bytes("bb"), 0, 2)).isEqualTo(2);
        Journal again = open();
        assertThat(records(again)).containsExactly("1:1:100:a", "2:2:200:bb");
        assertThat(again.nextSeq()).isEqualTo(3);
        assertThat(again.unackedCount()).isEqualTo(2);
    }

    @Test
    void acknowledgedRecordsAreDroppedAndSequenceNumbersNeverRepeat() {
        Journal j = open();
        for (int i = 0; i < 3; i++) {
            j.append(1, i, bytes("r" + i), 0, 2);
        }
        assertThat(j.acknowledge(2)).isEqualTo(2);
        assertThat(records(j)).containsExactly("3:1:2:r2");
        Journal again = open();
        assertThat(records(again)).containsExactly("3:1:2:r2");
        assertThat(again.append(1, 9, bytes("x"), 0, 1)).isEqualTo(4);
        assertThat(again.acknowledge(1)).isZero();
        assertThat(again.acknowledge(99)).isEqualTo(2);
        assertThat(open().unackedCount()).isZero();
        assertThat(open().nextSeq()).isEqualTo(5);
    }

    @Test
    void theRingWrapsAndRefusesToOverwriteUnackedRecords() {
        Journal j = open();
        byte[] p = new byte[40];
        long seq = 0;
        int appended = 0;
        while (j.append(7, 0, p, 0, p.length) > 0) {
            appended++;
        }
        assertThat(appended).isEqualTo((LOG - 1) / 64);
        assertThat(j.hasRoomFor(40)).isFalse();
        j.acknowledge(3);
        for (int round = 0; round < 20; round++) {
            seq = j.append(7, round, p, 0, p.length);
            assertThat(seq).isPositive();
            j.acknowledge(seq - 2);
        }
        Journal again = open();
        assertThat(again.unackedCount()).isEqualTo(2);
        assertThat(again.nextSeq()).isEqualTo(seq + 1);
    }

    @Test
    void snapshotCommitsAlternateSlotsAndRecoverTheNewest() {
        Journal j = open();
        j.commit(bytes("one"), 0, 3);
        j.commit(bytes("two"), 0, 3);
        Journal again = open();
        assertThat(state(again)).isEqualTo("two");
        assertThat(again.generation()).isEqualTo(2);
        assertThatThrownBy(() -> again.commit(new byte[SNAP], 0, SNAP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCutAtAnyByteOfAnAppendLeavesTheCommittedRecords() {
        int frame = 5 + Journal.FRAME_OVERHEAD;
        for (int cut = 0; cut <= frame; cut++) {
            storage = fresh();
            Journal j = open();
            j.append(1, 1, bytes("first"), 0, 5);
            j.commit(bytes("S1"), 0, 2);
            storage.cutPowerAfter(cut);
            boolean completed = true;
            try {
                j.append(1, 2, bytes("secnd"), 0, 5);
            } catch (PowerLossException e) {
                completed = false;
            }
            storage.restorePower();
            Journal r = open();
            assertThat(completed).as("cut %d", cut).isEqualTo(cut >= frame);
            List<String> expected = new ArrayList<>(List.of("1:1:1:first"));
            if (completed) {
                expected.add("2:1:2:secnd");
            }
            assertThat(records(r)).as("cut %d", cut).isEqualTo(expected);
            assertThat(state(r)).isEqualTo("S1");
            assertThat(r.append(1, 3, bytes("after"), 0, 5)).isEqualTo(expected.size() + 1);
            assertThat(records(open())).hasSize(expected.size() + 1);
        }
    }

    @Test
    void aCutAtAnyByteOfAWrappingAppendLeavesTheCommittedRecords() {
        byte[] p = new byte[100];
        for (int cut = 0; cut <= 1 + 100 + Journal.FRAME_OVERHEAD; cut++) {
            storage = fresh();
            Journal j = open();
            for (int i = 0; i < 4; i++) {
                j.append(1, i, p, 0, p.length);
            }
            j.acknowledge(3);
            storage.cutPowerAfter(cut);
            boolean completed = true;
            try {
                j.append(1, 9, p, 0, p.length);
            } catch (PowerLossException e) {
                completed = false;
            }
            storage.restorePower();
            Journal r = open();
            assertThat(r.unackedCount()).as("cut %d", cut).isEqualTo(completed ? 2 : 1);
            assertThat(r.firstUnackedSeq()).isEqualTo(4);
            long next = r.append(1, 10, p, 0, p.length);
            assertThat(next).isEqualTo(completed ? 6 : 5);
            assertThat(open().unackedCount()).isEqualTo(completed ? 3 : 2);
        }
    }

    @Test
    void aCutAtAnyByteOfASnapshotCommitLeavesTheOldOrTheNewState() {
        for (int cut = 0; cut <= StateSlots.OVERHEAD + 6; cut++) {
            storage = fresh();
            Journal j = open();
            j.append(1, 1, bytes("rec"), 0, 3);
            j.commit(bytes("old"), 0, 3);
            j.commit(bytes("older2"), 0, 6);
            storage.cutPowerAfter(cut);
            boolean completed = true;
            try {
                j.commit(bytes("newest"), 0, 6);
            } catch (PowerLossException e) {
                completed = false;
            }
            storage.restorePower();
            Journal r = open();
            assertThat(state(r)).as("cut %d", cut).isEqualTo(completed ? "newest" : "older2");
            assertThat(records(r)).containsExactly("1:1:1:rec");
        }
    }

    @Test
    void aCutAtAnyByteOfAnAcknowledgementKeepsOrDropsTheRecordsWhole() {
        for (int cut = 0; cut <= StateSlots.OVERHEAD + 2; cut++) {
            storage = fresh();
            Journal j = open();
            j.append(1, 1, bytes("a"), 0, 1);
            j.append(1, 2, bytes("b"), 0, 1);
            j.commit(bytes("st"), 0, 2);
            storage.cutPowerAfter(cut);
            boolean completed = true;
            try {
                j.acknowledge(1);
            } catch (PowerLossException e) {
                completed = false;
            }
            storage.restorePower();
            Journal r = open();
            assertThat(records(r)).as("cut %d", cut)
                    .isEqualTo(completed ? List.of("2:1:2:b") : List.of("1:1:1:a", "2:1:2:b"));
            assertThat(state(r)).isEqualTo("st");
        }
    }

    @Test
    void aCorruptedRecordEndsTheLogThere() {
        Journal j = open();
        j.append(1, 1, bytes("a"), 0, 1);
        j.append(1, 2, bytes("b"), 0, 1);
        byte[] flip = {0x55};
        storage.area("journal").write(Journal.FRAME_OVERHEAD + 1 + Journal.HEADER, flip, 0, 1);
        assertThat(records(open())).containsExactly("1:1:1:a");
    }
}
