package io.fieldlink.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void placesCommasAndColons() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb).beginObject().name("a").beginArray().value(1).value(2.5).value(true).nullValue()
                .beginObject().endObject().endArray().name("b").value("q\"\\\u0001").endObject();
        assertThat(sb).hasToString("{\"a\":[1,2.5,true,null,{}],\"b\":\"q\\\"\\\\\\u0001\"}");
    }

    @Test
    void numbersHoldingIntegersHaveNoFraction() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb).beginArray().value(1.7e9).value(-0.0).value(1e20).value(-3.0).endArray();
        assertThat(sb).hasToString("[1700000000,-0.0,1.0E20,-3]");
    }

    @Test
    void nanAndInfinityAreRefused() {
        JsonWriter w = new JsonWriter(new StringBuilder());
        assertThatThrownBy(() -> w.value(Double.NaN)).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> w.value(Double.POSITIVE_INFINITY)).isInstanceOf(JsonException.class);
    }

    @Test
    void outputParsesBack() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb).beginArray().value("\u6c34\ud83d\ude80").value(-1.25e-7).endArray();
        JsonReader r = new JsonReader(sb.toString());
        r.beginArray();
        assertThat(r.nextString()).isEqualTo("\u6c34\ud83d\ude80");
        assertThat(r.nextDouble()).isEqualTo(-1.25e-7);
        r.endArray();
    }
}
