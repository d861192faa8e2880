package io.fieldlink.firmware.kernel;

import io.fieldlink.firmware.hal.DatagramReceiver;
import io.fieldlink.firmware.hal.DatagramTransport;
import io.fieldlink.firmware.hal.LineReceiver;
import io.fieldlink.firmware.hal.SerialConsole;
import io.fieldlink.firmware.hal.StorageException;

/**
 * Wraps the HAL's event sources that do not run as event-loop timers (console lines, datagrams) so
 * that a {@link StorageException} raised while handling one takes the board's fault path instead of
 * escaping into the binding. Allocates only when a receiver is set.
 */
final class FaultGuard {
    private FaultGuard() {
    }

    /** The serial console, with each line's handling guarded. */
    static final class Console implements SerialConsole {
        private final SerialConsole inner;
        private final Board board;

        Console(SerialConsole inner, Board board) {
            this.inner = inner;
            this.board = board;
        }

        @Override
        public void writeLine(String line) {
            inner.writeLine(line);
        }

        @Override
        public void setReceiver(final LineReceiver receiver) {
            inner.setReceiver(receiver == null ? null : new LineReceiver() {
                @Override
                public void onLine(String line) {
                    try {
                        receiver.onLine(line);
                    } catch (StorageException e) {
                        board.fault(e);
                    }
                }
            });
        }
    }

    /** The datagram transport, with each datagram's handling guarded. */
    static final class Transport implements DatagramTransport {
        private final DatagramTransport inner;
        private final Board board;

        Transport(DatagramTransport inner, Board board) {
            this.inner = inner;
            this.board = board;
        }

        @Override
        public void send(byte[] data, int offset, int length) {
            inner.send(data, offset, length);
        }

        @Override
        public void setReceiver(final DatagramReceiver receiver) {
            inner.setReceiver(receiver == null ? null : new DatagramReceiver() {
                @Override
                public void onDatagram(byte[] data, int offset, int length) {
                    try {
                        receiver.onDatagram(data, offset, length);
                    } catch (StorageException e) {
                        board.fault(e);
                    }
                }
            });
        }

        @Override
        public int maxDatagramSize() {
            return inner.maxDatagramSize();
        }
    }
}
