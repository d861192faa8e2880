package io.fieldlink.firmware.uplink;

/**
 * The app's handler for commands from the host. Commands that move money or safety state arrive
 * here only after their signature was verified against a trusted issuer key (see
 * {@link HostCommand#signed()}). Event-loop thread; must not block.
 */
public interface HostCommandHandler {
    /**
     * @param command the command
     * @return a result code for the host: 0 applied, anything else an app-defined refusal reason
     */
    int onCommand(HostCommand command);
}
