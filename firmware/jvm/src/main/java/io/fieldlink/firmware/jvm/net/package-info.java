/**
 * The board's datagram transport on a JVM: CoAP bytes from the firmware core through a Scandium
 * DTLS 1.2 PSK connector (or plain UDP where the host allows it) to the host. Inbound datagrams are
 * handed to the board's loop thread. Must not import the host, the simulator or fieldctl.
 */
package io.fieldlink.firmware.jvm.net;
