package io.fieldlink.firmware.update;

import io.fieldlink.firmware.kernel.BoardContext;
import io.fieldlink.firmware.kernel.UplinkFactory;
import io.fieldlink.firmware.kernel.UplinkWiring;
import io.fieldlink.firmware.uplink.CommandGate;
import io.fieldlink.firmware.uplink.HostCommand;
import io.fieldlink.firmware.uplink.HostCommandHandler;
import io.fieldlink.firmware.uplink.Uplink;

/**
 * Puts an {@link UpdateAgent} on a board without touching its app: wraps the board's uplink
 * factory so that every boot starts the agent, and {@code firmware} host commands go to the agent
 * while every other command goes to the handler the app registers. A runner builds the board with
 * {@code .uplink(new UpdatingUplinkFactory(new CoapUplinkFactory(...), agent))} and the firmware
 * version of the running slot. Event-loop thread only.
 */
public final class UpdatingUplinkFactory implements UplinkFactory {
    /** The command name the agent takes. */
    public static final String FIRMWARE = "firmware";

    private final UplinkFactory inner;
    private final UpdateAgent agent;

    /**
     * @param inner the board's uplink factory
     * @param agent the update agent
     */
    public UpdatingUplinkFactory(UplinkFactory inner, UpdateAgent agent) {
        this.inner = inner;
        this.agent = agent;
    }

    @Override
    public Uplink create(BoardContext context, UplinkWiring wiring) {
        final Uplink real = inner.create(context, wiring);
        real.setCommandHandler(route(null));
        Uplink wrapped = new Uplink() {
            @Override
            public void start() {
                real.start();
            }

            @Override
            public void stop() {
                agent.stop();
                real.stop();
            }

            @Override
            public void reportNow() {
                real.reportNow();
            }

            @Override
            public void setCommandHandler(HostCommandHandler handler) {
                real.setCommandHandler(route(handler));
            }

            @Override
            public boolean hostReachable() {
                return real.hostReachable();
            }

            @Override
            public long ackedSeq() {
                return real.ackedSeq();
            }
        };
        agent.boot(context, wrapped);
        return wrapped;
    }

    private HostCommandHandler route(final HostCommandHandler app) {
        return new HostCommandHandler() {
            @Override
            public int onCommand(HostCommand command) {
                if (FIRMWARE.equals(command.name())) {
                    return agent.onCommand(command);
                }
                return app == null ? CommandGate.REFUSED_NO_HANDLER : app.onCommand(command);
            }
        };
    }
}
