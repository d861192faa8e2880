/**
 * How virtual boards reach the host: a board-side link with network faults (loss, delay,
 * duplication, reordering, partitions) and a wire tap, over either real UDP with DTLS-PSK (Scandium)
 * or an in-process connector that hands CoAP datagrams to the host's own CoAP endpoint. Must not
 * import firmware/jvm or fieldctl.
 */
package io.fieldlink.simulator.net;
