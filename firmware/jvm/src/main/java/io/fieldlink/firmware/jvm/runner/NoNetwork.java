package io.fieldlink.firmware.jvm.runner;

import io.fieldlink.firmware.hal.DatagramReceiver;
import io.fieldlink.firmware.hal.DatagramTransport;

/** The transport of a board that has no host yet (not provisioned): sends nothing, receives nothing. */
final class NoNetwork implements DatagramTransport {
    @Override
    public void send(byte[] data, int offset, int length) {
        // no host to send to: the board runs console-only until it is provisioned
    }

    @Override
    public void setReceiver(DatagramReceiver receiver) {
        // nothing ever arrives
    }

    @Override
    public int maxDatagramSize() {
        return 1152;
    }
}
