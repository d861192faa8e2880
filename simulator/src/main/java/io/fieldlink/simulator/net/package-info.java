/**
 * How virtual boards reach the host: a board-side link with network faults (loss, delay,
 * duplication, reordering, partitions) and a wire tap, over either real UDP with DTLS-PSK (Scandium)
 * or an in-process connector that hands CoAP datagrams to the host's own CoAP endpoint. Over DTLS
 * every board has its own socket, Scandium connector and session, but no threads of its own: one
 * selector thread ({@code DatagramHub}) reads every board's socket and one small scheduled pool runs
 * every board's handshakes, record protection and DTLS timers. Must not import firmware/jvm or
 * fieldctl.
 */
package io.fieldlink.simulator.net;
