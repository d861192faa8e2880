package io.fieldlink.host.coap;

import io.fieldlink.host.registry.Device;
import io.fieldlink.host.registry.DeviceRegistry;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/**
 * Finds which device sent a request: the DTLS PSK identity on the secure endpoint, or the
 * {@code d} query parameter on the plain endpoint (only when the host runs with --insecure-coap).
 * Thread-safe.
 */
final class DeviceIdentity {
    private final DeviceRegistry registry;
    private volatile Endpoint insecure;

    DeviceIdentity(DeviceRegistry registry) {
        this.registry = registry;
    }

    void setInsecureEndpoint(Endpoint endpoint) {
        this.insecure = endpoint;
    }

    /** @return the provisioned device that sent the request, empty when none */
    Optional<Device> of(CoapExchange exchange) {
        Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
        if (peer instanceof PreSharedKeyIdentity) {
            return registry.find(((PreSharedKeyIdentity) peer).getIdentity());
        }
        Endpoint e = insecure;
        if (peer == null && e != null && exchange.advanced().getEndpoint() == e) {
            String d = exchange.getQueryParameter("d");
            return d == null ? Optional.empty() : registry.find(d);
        }
        return Optional.empty();
    }
}
