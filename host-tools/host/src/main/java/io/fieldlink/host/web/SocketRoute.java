package io.fieldlink.host.web;

import fi.iki.elonen.NanoHTTPD;
import fi.iki.elonen.NanoWSD;

/** Opens a WebSocket for an upgrade request on a path registered with {@link Router#socket}. */
@FunctionalInterface
interface SocketRoute {
    /** @return the socket for this handshake (NanoHTTPD then answers 101 and runs it) */
    NanoWSD.WebSocket open(NanoHTTPD.IHTTPSession handshake);
}
