package io.fieldlink.host.coap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.tinylog.Logger;

/**
 * {@code GET /fw/<version>}: the firmware image file {@code <firmware dir>/<version>}, served with
 * Block2 by Californium's block-wise layer, with an ETag (the first 8 bytes of the image's SHA-256)
 * so a device resuming a download after a reboot knows the image is still the same. Images are
 * read once and kept while their file's size and modification time stay the same. Versions are 1-64 characters of {@code A-Z a-z 0-9 . _ -}
 * and never start with a dot, so a request cannot leave the directory. Only provisioned devices
 * are served.
 */
final class FirmwareResource extends CoapResource {
    private final Path dir;
    private final DeviceIdentity identity;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    FirmwareResource(Path dir, DeviceIdentity identity) {
        super("fw");
        this.dir = dir;
        this.identity = identity;
    }

    @Override
    public Resource getChild(String name) {
        return new Image(name);
    }

    private record Cached(long size, long modified, byte[] bytes, byte[] etag) {
    }

    private Cached load(String version, Path file) throws IOException {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        Cached c = cache.get(version);
        if (c != null && c.size() == size && c.modified() == modified) {
            return c;
        }
        byte[] bytes = Files.readAllBytes(file);
        byte[] etag;
        try {
            etag = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(bytes), 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        c = new Cached(bytes.length, modified, bytes, etag);
        if (cache.size() > 8) {
            cache.clear();
        }
        cache.put(version, c);
        return c;
    }

    private static boolean validVersion(String v) {
        if (v.isEmpty() || v.length() > 64 || v.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private final class Image extends CoapResource {
        Image(String version) {
            super(version, false);
            setParent(FirmwareResource.this);
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            if (identity.of(exchange).isEmpty()) {
                exchange.respond(ResponseCode.UNAUTHORIZED, "unknown device", MediaTypeRegistry.TEXT_PLAIN);
                return;
            }
            String version = getName();
            Path file = dir.resolve(version);
            if (!validVersion(version) || !Files.isRegularFile(file)) {
                exchange.respond(ResponseCode.NOT_FOUND, "no firmware " + version, MediaTypeRegistry.TEXT_PLAIN);
                return;
            }
            try {
                Cached image = load(version, file);
                Response response = new Response(ResponseCode.CONTENT);
                response.setPayload(image.bytes());
                response.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_OCTET_STREAM).addETag(image.etag());
                exchange.respond(response);
            } catch (IOException e) {
                Logger.error(e, "cannot read firmware {}", file);
                exchange.respond(ResponseCode.INTERNAL_SERVER_ERROR, "cannot read firmware", MediaTypeRegistry.TEXT_PLAIN);
            }
        }
    }
}
