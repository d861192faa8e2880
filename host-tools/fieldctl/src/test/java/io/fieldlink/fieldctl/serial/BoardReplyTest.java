package io.fieldlink.fieldctl.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoardReplyTest {
    @Test
    void okRepliesCarryPlainAndQuotedFields() {
        BoardReply reply = BoardReply.parse("OK balance=1200 tariff=\"peak band\" note=\"say \\\"hi\\\"\"");

        assertThat(reply.ok()).isTrue();
        assertThat(reply.fields()).containsExactly(
                org.assertj.core.api.Assertions.entry("balance", "1200"),
                org.assertj.core.api.Assertions.entry("tariff", "peak band"),
                org.assertj.core.api.Assertions.entry("note", "say \"hi\""));
    }

    @Test
    void errRepliesCarryCodeAndMessage() {
        BoardReply reply = BoardReply.parse("ERR locked login required");

        assertThat(reply.ok()).isFalse();
        assertThat(reply.errorCode()).isEqualTo("locked");
        assertThat(reply.errorMessage()).isEqualTo("login required");
    }

    @Test
    void otherLinesAreNotReplies() {
        assertThat(BoardReply.isReply("meter-1 booted")).isFalse();
        assertThat(BoardReply.isReply("OK")).isTrue();
        assertThatThrownBy(() -> BoardReply.parse("OKAY")).hasMessageContaining("not a machine-mode reply");
        assertThatThrownBy(() -> BoardReply.parse("OK a=\"open")).hasMessageContaining("unterminated quoted value of a");
        assertThatThrownBy(() -> BoardReply.parse("OK novalue")).hasMessageContaining("without '='");
    }
}
