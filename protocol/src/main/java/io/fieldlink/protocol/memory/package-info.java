/**
 * Working memory lent for the duration of one exchange or one commit ({@link
 * io.fieldlink.protocol.memory.BufferPool}), so that a board does not own large buffers while idle.
 * Portable (Java 7); imports only the protocol's CoAP message type and the JDK allow-list.
 */
package io.fieldlink.protocol.memory;
