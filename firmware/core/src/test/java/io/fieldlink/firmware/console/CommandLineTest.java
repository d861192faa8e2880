package io.fieldlink.firmware.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void splitsOnBlanksAndKeepsQuotedWordsWhole() {
        CommandLine l = CommandLine.parse("  config  set\tfriendly_hours \"18:00 - 08:00\" ");
        assertThat(l.count()).isEqualTo(4);
        assertThat(l.word(0)).isEqualTo("config");
        assertThat(l.word(3)).isEqualTo("18:00 - 08:00");
        assertThat(l.word(4)).isNull();
        assertThat(l.error()).isNull();
    }

    @Test
    void anEmptyQuotedWordIsAWordAndControlCharactersAreDropped() {
        CommandLine l = CommandLine.parse("set \"\" x\u0007y");
        assertThat(l.count()).isEqualTo(3);
        assertThat(l.word(1)).isEmpty();
        assertThat(l.word(2)).isEqualTo("xy");
    }

    @Test
    void reportsAnUnterminatedQuote() {
        assertThat(CommandLine.parse("a \"b").error()).isEqualTo("unterminated quote");
    }
}
