package io.fieldlink.host.ingest;

import io.fieldlink.host.json.JsonException;
import io.fieldlink.host.json.JsonReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decodes a SenML-JSON pack (content-format 110). Stateless; thread-safe. */
public final class SenmlJson {
    private SenmlJson() {
    }

    /**
     * @throws MalformedUplinkException when the payload is not UTF-8 JSON, not an array of objects,
     *         or not valid SenML
     */
    public static Uplink decode(byte[] payload, String device, long nowMillis) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedUplinkException("json", "payload is not UTF-8");
        }
        Object v;
        try {
            v = JsonReader.parse(text);
        } catch (JsonException e) {
            throw new MalformedUplinkException("json", e.getMessage());
        }
        if (!(v instanceof List)) {
            throw new MalformedUplinkException("senml", "a SenML pack must be a JSON array");
        }
        List<Map<String, Object>> records = new ArrayList<>();
        int i = 0;
        for (Object o : (List<?>) v) {
            if (!(o instanceof Map)) {
                throw new MalformedUplinkException("senml", "SenML record " + i + ": must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            records.add(m);
            i++;
        }
        return SenmlResolver.resolve(records, device, nowMillis);
    }
}
