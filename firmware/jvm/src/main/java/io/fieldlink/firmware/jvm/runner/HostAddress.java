package io.fieldlink.firmware.jvm.runner;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The host a board reports to: {@code coaps://HOST[:PORT]} (DTLS-PSK, default port 5684) or
 * {@code coap://HOST[:PORT]} (plain CoAP to a host started with {@code --insecure-coap}, default 5683).
 *
 * @param address the host's address (resolved when used)
 * @param secure true for DTLS
 */
public record HostAddress(InetSocketAddress address, boolean secure) {
    /**
     * @param uri the address as text
     * @param source where it came from, for the error message (e.g. {@code --host})
     * @return the address
     * @throws IllegalArgumentException naming what is wrong
     */
    public static HostAddress parse(String uri, String source) {
        URI u;
        try {
            u = new URI(uri.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + " " + uri + ": not a URI: " + e.getMessage(), e);
        }
        String scheme = u.getScheme();
        if (!"coaps".equals(scheme) && !"coap".equals(scheme)) {
            throw new IllegalArgumentException(source + " " + uri + ": expected coaps://HOST[:PORT] or coap://HOST[:PORT]");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException(source + " " + uri + ": no host name");
        }
        boolean secure = scheme.equals("coaps");
        int port = u.getPort() > 0 ? u.getPort() : secure ? 5684 : 5683;
        return new HostAddress(InetSocketAddress.createUnresolved(u.getHost(), port), secure);
    }

    /** @return the address, resolved now */
    public InetSocketAddress resolved() {
        return new InetSocketAddress(address.getHostString(), address.getPort());
    }

    @Override
    public String toString() {
        return (secure ? "coaps://" : "coap://") + address.getHostString() + ":" + address.getPort();
    }
}
