package io.fieldlink.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {
    @Test
    void readsNestedValues() {
        JsonReader r = new JsonReader(" {\"a\" : [1, -2.5e3, true, null], \"b\":\"x\\u00fc\\n\\\"\"} ");
        r.beginObject();
        assertThat(r.nextName()).isEqualTo("a");
        r.beginArray();
        assertThat(r.nextDouble()).isEqualTo(1);
        assertThat(r.nextDouble()).isEqualTo(-2500);
        assertThat(r.nextBoolean()).isTrue();
        assertThat(r.peek()).isEqualTo(JsonToken.NULL);
        r.nextNull();
        assertThat(r.hasNext()).isFalse();
        r.endArray();
        assertThat(r.nextName()).isEqualTo("b");
        assertThat(r.nextString()).isEqualTo("x\u00fc\n\"");
        r.endObject();
        assertThat(r.peek()).isEqualTo(JsonToken.END_DOCUMENT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[01]|JSON error at offset 2: expected ',' or the end of the array",
        "[1.]|JSON error at offset 1: bad number: no digits after '.'",
        "[-]|JSON error at offset 1: bad number",
        "[1e]|JSON error at offset 1: bad number: no exponent digits",
        "[1,]|JSON error at offset 3: trailing comma",
        "[,1]|JSON error at offset 1: unexpected character ','",
        "{\"a\" 1}|JSON error at offset 5: expected ':' after name",
        "{1:2}|JSON error at offset 1: expected a name or '}'",
        "[\"abc|JSON error at offset 1: unterminated string",
        "[\"\\x\"]|JSON error at offset 2: bad escape \\x",
        "[\"\\u12G4\"]|JSON error at offset 6: bad hex digit in \\u escape",
        "[tru]|JSON error at offset 1: expected true",
        "[1 2]|JSON error at offset 3: expected ',' or the end of the array",
        "[1|JSON error at offset 2: input ended early",
        "''|JSON error at offset 0: input ended early",
    })
    void malformedInputNamesTheOffset(String json, String message) {
        assertThatThrownBy(() -> new JsonReader(json).skipValue()).isInstanceOf(JsonException.class)
                .hasMessage(message);
    }

    @Test
    void trailingGarbageIsSeenByPeek() {
        JsonReader r = new JsonReader("[1]]");
        r.skipValue();
        assertThatThrownBy(r::peek).hasMessage("JSON error at offset 3: unexpected text after the value");
    }

    @Test
    void controlCharactersInStringsAreRejected() {
        assertThatThrownBy(() -> new JsonReader("\"a\u0001\"").nextString())
                .hasMessage("JSON error at offset 2: control character in string");
    }

    @Test
    void nestingIsLimited() {
        String deep = "[".repeat(33) + "]".repeat(33);
        assertThatThrownBy(() -> new JsonReader(deep).skipValue()).hasMessage("JSON error at offset 32: nesting deeper than 32");
        new JsonReader("[".repeat(32) + "]".repeat(32)).skipValue();
    }

    @Test
    void wrongTokenNamesBoth() {
        assertThatThrownBy(() -> new JsonReader("\"x\"").nextDouble())
                .hasMessage("JSON error at offset 0: expected number, found string");
    }
}
