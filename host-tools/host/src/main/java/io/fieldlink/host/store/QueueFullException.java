package io.fieldlink.host.store;

import io.fieldlink.host.HostException;

/** The committer's queue is full: the caller should tell the device to retry later (5.03). */
public final class QueueFullException extends HostException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueueFullException() {
        super("ingest queue is full");
    }
}
