package io.fieldlink.firmware.jvm.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {
    private final List<String> lines = new ArrayList<>();
    private final LineAssembler assembler = new LineAssembler(lines::add);

    @Test
    void crLfAndCrlfEachEndOneLine() {
        feed("status\rid\ncredit 12\r\n\r\n");

        assertThat(lines).containsExactly("status", "id", "credit 12", "");
    }

    @Test
    void linesSplitAcrossReadsAreJoined() {
        feed("con");
        feed("fig list\r");
        feed("\nhelp\n");

        assertThat(lines).containsExactly("config list", "help");
    }

    @Test
    void anOverlongLineIsCutToTheLimit() {
        feed("x".repeat(LineAssembler.MAX_LINE + 100) + "\nok\n");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(LineAssembler.MAX_LINE);
        assertThat(lines.get(1)).isEqualTo("ok");
    }

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assembler.accept(bytes, 0, bytes.length);
    }
}
