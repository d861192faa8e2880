package io.fieldlink.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.protocol.cbor.CborWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandResultTest {
    @Test
    void appliedAndRefusedRoundTripInsideABatch() {
        UplinkBatch batch = new UplinkBatch(List.of(
                UplinkRecord.event(7, 1_763_683_200_000L, CommandResult.applied(42)),
                UplinkRecord.event(8, 1_763_683_201_000L, CommandResult.refused(43, "bad-signature"))));
        UplinkBatch back = UplinkBatch.decode(batch.encode());
        assertThat(back.get(0).kind()).isEqualTo(UplinkRecord.COMMAND_RESULT);
        CommandResult applied = (CommandResult) back.get(0).event();
        assertThat(applied.commandId()).isEqualTo(42);
        assertThat(applied.applied()).isTrue();
        assertThat(applied.reason()).isNull();
        CommandResult refused = (CommandResult) back.get(1).event();
        assertThat(refused.applied()).isFalse();
        assertThat(refused.reason()).isEqualTo("bad-signature");
        assertThat(CommandResult.decode(refused.encode())).isEqualTo(refused);
    }

    @Test
    void encodingIsTheDocumentedMap() {
        assertThat(CommandResult.applied(5).encode()).containsExactly(0xa3, 0x00, 0x01, 0x01, 0x05, 0x02, 0x00);
    }

    @Test
    void longReasonsAreCut() {
        assertThat(CommandResult.refused(1, "x".repeat(100)).reason()).hasSize(CommandResult.MAX_REASON);
    }

    @Test
    void badResultsAreNamed() {
        byte[] unknownOutcome = new CborWriter().writeMapHeader(3).writeInt(0).writeInt(1).writeInt(1).writeInt(9)
                .writeInt(2).writeInt(7).toByteArray();
        assertThatThrownBy(() -> CommandResult.decode(unknownOutcome)).hasMessageContaining("commandResult.outcome");
        byte[] appliedWithReason = new CborWriter().writeMapHeader(4).writeInt(0).writeInt(1).writeInt(1).writeInt(9)
                .writeInt(2).writeInt(0).writeInt(3).writeText("why").toByteArray();
        assertThatThrownBy(() -> CommandResult.decode(appliedWithReason)).hasMessageContaining("commandResult.reason");
        byte[] refusedWithout = new CborWriter().writeMapHeader(3).writeInt(0).writeInt(1).writeInt(1).writeInt(9)
                .writeInt(2).writeInt(1).toByteArray();
        assertThatThrownBy(() -> CommandResult.decode(refusedWithout)).hasMessageContaining("commandResult.reason");
        assertThatThrownBy(() -> CommandResult.refused(1, "")).isInstanceOf(RecordException.class);
    }
}
