package io.fieldlink.firmware.kernel;

import io.fieldlink.firmware.uplink.Uplink;

/** Creates a board's uplink at boot, once the journal and settings are open. */
public interface UplinkFactory {
    /**
     * @param context the booting board's services
     * @param wiring the HAL parts only the uplink may use (the datagram transport)
     * @return the uplink, not yet started
     */
    Uplink create(BoardContext context, UplinkWiring wiring);
}
