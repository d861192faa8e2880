package io.fieldlink.host.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    @Test
    void readsNestedValues() {
        assertThat(JsonReader.parseObject("{\"a\":[1,-2.5e1,true,null,\"x\\u00e9\\n\"]}").get("a"))
                .isEqualTo(List.of(new BigDecimal("1"), new BigDecimal("-2.5e1"), true, JsonReader.NULL, "x\u00e9\n"));
    }

    @Test
    void rejectsWhatRfc8259Rejects() {
        assertThatThrownBy(() -> JsonReader.parse("[1,]")).hasMessageContaining("offset 3");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate key \"a\"");
        assertThatThrownBy(() -> JsonReader.parse("01")).hasMessageContaining("leading zero");
        assertThatThrownBy(() -> JsonReader.parse("{} x")).hasMessageContaining("after the value");
        assertThatThrownBy(() -> JsonReader.parse("\"a\tb\"")).hasMessageContaining("control character");
        assertThatThrownBy(() -> JsonReader.parse("[".repeat(40))).hasMessageContaining("nesting");
    }

    @Test
    void writerEscapesAndRoundTrips() {
        String s = new JsonWriter().beginObject().field("q", "a\"b\\c\u0001").name("n").value(1.5).endObject().toString();
        assertThat(JsonReader.parseObject(s)).containsEntry("q", "a\"b\\c\u0001").containsEntry("n", new BigDecimal("1.5"));
    }
}
