package io.fieldlink.protocol.coap.client;

import io.fieldlink.protocol.coap.CoapMessage;
import java.util.ArrayList;
import java.util.List;

final class RecordingHandler implements ResponseHandler {
    final List<CoapMessage> responses = new ArrayList<>();
    final List<FailureReason> failures = new ArrayList<>();

    @Override
    public void onResponse(CoapMessage response) {
        responses.add(new CoapMessage().copyFrom(response));
    }

    @Override
    public void onFailure(FailureReason reason) {
        failures.add(reason);
    }

    int outcomes() {
        return responses.size() + failures.size();
    }
}
