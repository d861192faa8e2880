package io.fieldlink.host.web;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host on loopback in a fresh data directory for each test, and its operator key. Tests that restart
 * the host close {@link #host} and assign the new one; the last one is closed after the test.
 */
abstract class RunningHostTest {
    @TempDir
    Path dir;
    HostServer host;
    String op;

    @BeforeEach
    void startHost() {
        host = HostFixture.start(dir);
        op = host.operatorKey();
    }

    @AfterEach
    void stopHost() {
        host.close();
    }
}
