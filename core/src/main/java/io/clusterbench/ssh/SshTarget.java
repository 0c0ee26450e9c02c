package io.clusterbench.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to reach one host over SSH: its name in the spec, where it is, who logs in and how, how its host
 * key is checked, and how long to wait.
 *
 * @param hostId the host's name in the spec, used in every message
 * @param address host name or IP address to connect to
 * @param port TCP port of sshd
 * @param user login user
 * @param auth how the user authenticates
 * @param hostKeyCheck how the server's host key is verified
 * @param connectTimeout how long TCP connect, the handshake and each protocol reply may take
 * @param commandTimeout how long a command may run when the caller gives no timeout of its own
 */
public record SshTarget(
        String hostId,
        String address,
        int port,
        String user,
        SshAuth auth,
        HostKeyCheck hostKeyCheck,
        Duration connectTimeout,
        Duration commandTimeout) {

    public static final int DEFAULT_PORT = 22;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(2);

    public SshTarget {
        requireText(hostId, "hostId");
        requireText(address, "address");
        requireText(user, "user");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(hostKeyCheck, "hostKeyCheck");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(commandTimeout, "commandTimeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout is too long: " + connectTimeout);
        }
    }

    /** A target on the default port with the default timeouts. */
    public SshTarget(String hostId, String address, String user, SshAuth auth, HostKeyCheck hostKeyCheck) {
        this(hostId, address, DEFAULT_PORT, user, auth, hostKeyCheck, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_COMMAND_TIMEOUT);
    }

    /** Whether the host key is not verified at all ({@link HostKeyCheck.AcceptAny}); a run records this. */
    public boolean insecure() {
        return hostKeyCheck instanceof HostKeyCheck.AcceptAny;
    }

    /** The prefix of every message about this host, for example {@code ssh host sark (10.0.0.69:22)}. */
    public String describe() {
        return "ssh host " + hostId + " (" + address + ":" + port + ")";
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
