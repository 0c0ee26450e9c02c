package io.clusterbench.local;

import java.nio.file.Path;

/** A private instance of a real server process, listening on a loopback port inside its own folder. */
public interface LocalServer extends AutoCloseable {

    /** The loopback address every local server listens on. */
    String LOOPBACK = "127.0.0.1";

    /** A short name for messages, such as {@code redis} or {@code nginx}. */
    String name();

    /** Always {@value #LOOPBACK}: local servers never listen on other interfaces. */
    default String host() {
        return LOOPBACK;
    }

    /** The main port clients connect to. */
    int port();

    /** The folder holding this server's configuration, data and logs. */
    Path workDir();

    /** The operating-system process id of the server (the master process where there are workers). */
    long pid();

    /** Whether the server process is still running. */
    boolean isAlive();

    /**
     * Stops the server: SIGTERM, up to 10 s to exit, then a forced kill of it and its child processes.
     * Calling it again does nothing.
     */
    @Override
    void close();
}
