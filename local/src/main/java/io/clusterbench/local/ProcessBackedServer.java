package io.clusterbench.local;

import java.nio.file.Path;

/** The common part of every local server: one managed process on one main port in one folder. */
abstract class ProcessBackedServer implements LocalServer {

    private final String name;
    private final int port;
    private final Path workDir;
    private final ManagedProcess process;

    ProcessBackedServer(String name, int port, Path workDir, ManagedProcess process) {
        this.name = name;
        this.port = port;
        this.workDir = workDir;
        this.process = process;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The underlying process, for its log and handle. */
    ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + host() + ":" + port + ", pid " + process.pid() + ", " + workDir + "]";
    }
}
