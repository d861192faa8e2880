package io.fieldlink.host.alert;

/**
 * A place alert notifications are POSTed to.
 *
 * @param id unique
 * @param url an http or https URL
 */
public record Webhook(long id, String url) {
    /**
     * @throws IllegalArgumentException if the URL is not http(s) with a host
     */
    public Webhook {
        java.net.URI u;
        try {
            u = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("url: not a URI: " + e.getMessage());
        }
        if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
            throw new IllegalArgumentException("url: must be an http or https URL with a host, got '" + url + "'");
        }
    }
}
