package io.fieldlink.firmware.kernel;

import io.fieldlink.firmware.hal.DatagramTransport;

/** The HAL parts a board gives its uplink and nobody else: the datagram transport. */
public final class UplinkWiring {
    private final DatagramTransport transport;
    private final String firmwareVersion;

    UplinkWiring(DatagramTransport transport, String firmwareVersion) {
        this.transport = transport;
        this.firmwareVersion = firmwareVersion;
    }

    /** @return the datagram transport to the host */
    public DatagramTransport transport() {
        return transport;
    }

    /** @return the firmware version for hello */
    public String firmwareVersion() {
        return firmwareVersion;
    }
}
