package io.fieldlink.firmware.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.cbor.CborWriter;
import io.fieldlink.protocol.memory.BufferPool;
import org.junit.jupiter.api.Test;

class LentRecordWriterTest {
    private final BufferPool pool = new BufferPool();

    @Test
    void aRecordsBufferIsBorrowedOnlyWhileItIsWritten() {
        LentRecordWriter out = new LentRecordWriter(pool, 128);
        assertThat(out.lent()).isFalse();
        CborWriter w = out.begin();
        assertThat(w).isSameAs(out.writer());
        assertThat(w.buffer().length).isGreaterThanOrEqualTo(128);
        assertThat(pool.lent()).isEqualTo(1);
        w.writeInt(7);
        assertThat(w.size()).isEqualTo(1);
        out.end();
        assertThat(pool.lent()).isZero();
        assertThat(pool.pooled()).isEqualTo(1);
        assertThat(out.writer().buffer().length).isEqualTo(16);
        out.end(); // idempotent
        assertThat(pool.lent()).isZero();
        assertThat(pool.pooled()).isEqualTo(1);
    }

    @Test
    void theLargerBufferAWriterGrewIntoIsGivenBack() {
        LentRecordWriter out = new LentRecordWriter(pool, 64);
        CborWriter w = out.begin();
        w.writeBytes(new byte[500]);
        out.end();
        assertThat(pool.lent()).isZero();
        byte[] again = pool.borrow(400);
        assertThat(again.length).isGreaterThanOrEqualTo(500); // the grown buffer went back to the pool
    }

    @Test
    void aWriteThatWasNeverEndedGivesItsBufferBackAtTheNextBegin() {
        LentRecordWriter out = new LentRecordWriter(pool, 128);
        out.begin().writeInt(1);
        out.begin().writeInt(2);
        assertThat(pool.lent()).isEqualTo(1);
        assertThat(out.writer().size()).isEqualTo(1);
        out.end();
        assertThat(pool.lent()).isZero();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> new LentRecordWriter(null, 128)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("buffers");
        assertThatThrownBy(() -> new LentRecordWriter(pool, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too small");
    }
}
