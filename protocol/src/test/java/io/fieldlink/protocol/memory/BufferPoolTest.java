package io.fieldlink.protocol.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.coap.CoapCode;
import io.fieldlink.protocol.coap.CoapMessage;
import org.junit.jupiter.api.Test;

class BufferPoolTest {
    private final BufferPool pool = new BufferPool();

    @Test
    void lendsAtLeastTheLengthAskedAndTakesItBackForTheNextBorrower() {
        byte[] a = pool.borrow(1152);
        assertThat(a.length).isGreaterThanOrEqualTo(1152);
        assertThat(pool.lent()).isEqualTo(1);
        pool.giveBack(a);
        assertThat(pool.lent()).isZero();
        assertThat(pool.pooled()).isEqualTo(1);
        assertThat(pool.borrow(1100)).isSameAs(a);
        assertThat(pool.allocatedBytes()).isEqualTo(a.length);
    }

    @Test
    void twoBorrowersAtOnceGetTwoBuffers() {
        byte[] a = pool.borrow(256);
        byte[] b = pool.borrow(256);
        assertThat(a).isNotSameAs(b);
        pool.giveBack(a);
        pool.giveBack(b);
        assertThat(pool.lent()).isZero();
        assertThat(pool.pooled()).isEqualTo(2);
    }

    @Test
    void aSmallBufferIsNotLentForALargeNeedNorALargeOneForASmallNeed() {
        byte[] small = pool.borrow(100);
        pool.giveBack(small);
        byte[] large = pool.borrow(1400);
        assertThat(large).isNotSameAs(small);
        assertThat(large.length).isGreaterThanOrEqualTo(1400);
        pool.giveBack(large);
        assertThat(pool.borrow(100)).isSameAs(small);
    }

    @Test
    void keepsABoundedNumberPerSize() {
        byte[][] out = new byte[BufferPool.KEEP + 5][];
        for (int i = 0; i < out.length; i++) {
            out[i] = pool.borrow(64);
        }
        for (byte[] b : out) {
            pool.giveBack(b);
        }
        assertThat(pool.pooled()).isEqualTo(BufferPool.KEEP);
        assertThat(pool.lent()).isZero();
    }

    @Test
    void lendsMessagesResetAndReusesThem() {
        CoapMessage m = pool.borrowMessage();
        m.setCode(CoapCode.POST).setUriPath("up").setPayload(new byte[40]);
        pool.giveBack(m);
        CoapMessage again = pool.borrowMessage();
        assertThat(again).isSameAs(m);
        assertThat(again.code()).isZero();
        assertThat(again.options().count()).isZero();
        assertThat(again.payloadLength()).isZero();
        pool.giveBack(again);
        assertThat(pool.lent()).isZero();
    }

    @Test
    void ignoresNullAndRefusesANegativeLength() {
        pool.giveBack((byte[]) null);
        pool.giveBack((CoapMessage) null);
        assertThat(pool.lent()).isZero();
        assertThatThrownBy(() -> pool.borrow(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
