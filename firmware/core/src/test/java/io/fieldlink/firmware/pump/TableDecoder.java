package io.fieldlink.firmware.pump;

import java.util.HashMap;
import java.util.Map;

/** A {@link BookingDecoder} driven by a table of text to outcome; unknown text is MALFORMED. */
final class TableDecoder implements BookingDecoder {
    private final Map<String, BookingDecoding> table = new HashMap<>();

    TableDecoder put(String text, BookingClaims claims) {
        table.put(text, BookingDecoding.verified(claims));
        return this;
    }

    TableDecoder refuse(String text, BookingReason reason) {
        table.put(text, BookingDecoding.refused(reason, "table says " + reason));
        return this;
    }

    @Override
    public BookingDecoding decode(String text) {
        BookingDecoding d = table.get(text);
        return d != null ? d : BookingDecoding.refused(BookingReason.MALFORMED, "not base45");
    }
}
