package io.clusterbench.ssh;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.ssh.SshException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens verified, authenticated SSH connections, and turns every way that can fail into an {@link SshException}
 * that names the host, says what to do, and carries the precise {@link Reason}.
 */
public final class SshClient {
    private static final Logger LOG = LoggerFactory.getLogger(SshClient.class);

    /** Seconds between keep-alive messages, so that idle connections held for a whole run survive NAT and firewalls. */
    private static final int KEEP_ALIVE_SECONDS = 30;

    /**
     * Connects to the target, verifies its host key, and authenticates.
     *
     * @throws ClusterBenchException an {@link SshException} of kind {@link Kind#CONNECTION} when the host cannot be
     *     reached, its key is refused, the client key cannot be read, or authentication is refused
     */
    public SshConnection connect(SshTarget target) throws ClusterBenchException {
        HostKeyGuard guard = HostKeyGuard.forTarget(target);
        SSHClient ssh = new SSHClient();
        boolean connected = false;
        try {
            configure(ssh, target, guard);
            // Reading the key before touching the network reports a bad key file or passphrase as such, rather
            // than as a refused login.
            Optional<ClientKey> key = ClientKey.load(ssh, target);
            open(ssh, target, guard);
            authenticate(ssh, target, key);
            String hostKey = guard.presentedKey().orElse("unknown");
            if (target.insecure()) {
                LOG.warn("{}: host key NOT verified (insecureAcceptAnyHostKey); the server presented {}",
                        target.describe(), hostKey);
            }
            SshConnection connection = new SshConnection(target, ssh, hostKey);
            connected = true;
            return connection;
        } finally {
            if (!connected) {
                IOUtils.closeQuietly(ssh);
            }
        }
    }

    private static void configure(SSHClient ssh, SshTarget target, HostKeyGuard guard) {
        // Zero would mean "wait forever" to the socket, so sub-millisecond timeouts round up.
        int timeoutMs = (int) Math.max(1, target.connectTimeout().toMillis());
        ssh.addHostKeyVerifier(guard);
        ssh.setConnectTimeout(timeoutMs);
        // SO_TIMEOUT bounds the identification exchange; once connected, sshj's reader thread ignores it.
        ssh.setTimeout(timeoutMs);
        ssh.getTransport().setTimeoutMs(timeoutMs);
        ssh.getConnection().setTimeoutMs(timeoutMs);
        ssh.getConnection().getKeepAlive().setKeepAliveInterval(KEEP_ALIVE_SECONDS);
    }

    private static void open(SSHClient ssh, SshTarget target, HostKeyGuard guard) throws ClusterBenchException {
        try {
            ssh.connect(target.address(), target.port());
        } catch (IOException e) {
            throw connectFailure(target, guard, e);
        }
    }

    private static void authenticate(SSHClient ssh, SshTarget target, Optional<ClientKey> key)
            throws ClusterBenchException {
        try {
            if (target.auth() instanceof SshAuth.Password password) {
                // sshj blanks the array it is given, so it gets a copy.
                ssh.authPassword(target.user(), password.password().revealChars());
            } else {
                ssh.authPublickey(target.user(), key.orElseThrow().provider());
            }
        } catch (UserAuthException e) {
            throw new SshException(Reason.AUTH_REFUSED, authFailure(ssh, target, key), e);
        } catch (TransportException e) {
            throw new SshException(Reason.AUTH_INTERRUPTED, target.describe() + ": the connection broke during"
                    + " authentication (" + e.getMessage() + "): check the server's log (for example MaxStartups or"
                    + " a login restriction)", e);
        }
    }

    private static String authFailure(SSHClient ssh, SshTarget target, Optional<ClientKey> key) {
        StringBuilder message = new StringBuilder(target.describe())
                .append(": authentication refused for user ").append(target.user())
                .append(" with ").append(target.auth().describe());
        key.ifPresent(k -> message.append(" (public key ").append(k.fingerprint()).append(")"));
        if (target.auth() instanceof SshAuth.Password) {
            message.append(": check the password and that the server allows password authentication");
        } else {
            message.append(": check that the public key is in authorized_keys of ").append(target.user())
                    .append(" on the host, and that the user is right");
        }
        Collection<String> allowed = ssh.getUserAuth().getAllowedMethods();
        if (allowed != null && !allowed.isEmpty()) {
            message.append(" (the server accepts: ").append(String.join(", ", allowed)).append(")");
        }
        return message.toString();
    }

    /** Explains a failed connect: the refused host key, or the most specific network cause. */
    private static SshException connectFailure(SshTarget target, HostKeyGuard guard, IOException failure) {
        Optional<SshException> refusal = guard.refusalFailure(failure);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String where = target.describe();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return new SshException(Reason.UNREACHABLE, where + ": unreachable: cannot resolve the address '"
                        + target.address() + "': check the host's address in the spec and the DNS", failure);
            }
            if (cause instanceof NoRouteToHostException) {
                return new SshException(Reason.UNREACHABLE, where + ": unreachable: no route to host: check the"
                        + " address and that the network and firewalls let this machine reach it", failure);
            }
            if (cause instanceof ConnectException) {
                return new SshException(Reason.UNREACHABLE, where + ": unreachable: connection refused: check that"
                        + " sshd runs on the host and listens on port " + target.port() + ", and the address and port"
                        + " in the spec", failure);
            }
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                return new SshException(Reason.CONNECT_TIMEOUT, where + ": timed out: no SSH answer within "
                        + Durations.describe(target.connectTimeout()) + " (connect timeout): check the address, the"
                        + " port, firewalls and that sshd runs, or raise the connect timeout", failure);
            }
        }
        if (failure instanceof TransportException transport
                && transport.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE) {
            return new SshException(Reason.HOST_KEY_UNVERIFIABLE, where + ": the host key could not be verified ("
                    + failure.getMessage() + "); the server presented " + guard.presentedKey().orElse("no key")
                    + ": check the known_hosts file", failure);
        }
        return new SshException(Reason.HANDSHAKE_FAILED, where + ": SSH connection failed: " + failure.getMessage()
                + ": check that port " + target.port() + " is an SSH server and that this client shares an algorithm"
                + " with it", failure);
    }
}
