package io.clusterbench.ssh;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.HostAuth;
import io.clusterbench.spec.HostKeyPolicy;
import io.clusterbench.spec.HostSpec;
import io.clusterbench.spec.SecretRef;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecPaths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns the spec's hosts into SSH targets, reading their secrets only now, at the moment of use.
 *
 * <p>Usage: {@code try (SshConnections ssh = SshTargets.connections(spec.hosts().values(), SecretResolver.system()))
 * { ssh.get("sark").exec(List.of("uptime")); }}
 */
public final class SshTargets {

    private SshTargets() {
    }

    /** The SSH target of one spec host; fails with the secret's reference (never its value) when one is unreadable. */
    public static SshTarget from(HostSpec host, SecretResolver secrets) throws ClusterBenchException {
        return new SshTarget(host.id(), host.address(), host.port(), host.user(), auth(host.auth(), secrets),
                hostKeyCheck(host.hostKey()), host.connectTimeout(), host.commandTimeout());
    }

    /** A connection pool over the given hosts, one lazily opened connection per host for the whole run. */
    public static SshConnections connections(Collection<HostSpec> hosts, SecretResolver secrets)
            throws ClusterBenchException {
        List<SshTarget> targets = new ArrayList<>();
        for (HostSpec host : hosts) {
            targets.add(from(host, secrets));
        }
        return new SshConnections(targets);
    }

    private static SshAuth auth(HostAuth auth, SecretResolver secrets) throws ClusterBenchException {
        if (auth instanceof HostAuth.KeyFile keyFile) {
            return new SshAuth.KeyFile(SpecPaths.expandHome(keyFile.path()), secret(keyFile.passphrase(), secrets));
        }
        if (auth instanceof HostAuth.KeyText keyText) {
            return new SshAuth.KeyText(Secret.of(secrets.resolve(keyText.key())),
                    secret(keyText.passphrase(), secrets));
        }
        HostAuth.Password password = (HostAuth.Password) auth;
        return new SshAuth.Password(Secret.of(secrets.resolve(password.password())));
    }

    private static Optional<Secret> secret(Optional<SecretRef> ref, SecretResolver secrets)
            throws ClusterBenchException {
        return ref.isPresent() ? Optional.of(Secret.of(secrets.resolve(ref.get()))) : Optional.empty();
    }

    private static HostKeyCheck hostKeyCheck(HostKeyPolicy policy) {
        if (policy instanceof HostKeyPolicy.KnownHosts knownHosts) {
            return new HostKeyCheck.KnownHostsFile(SpecPaths.expandHome(knownHosts.file()));
        }
        if (policy instanceof HostKeyPolicy.Pinned pinned) {
            return new HostKeyCheck.PinnedFingerprint(pinned.sha256Fingerprint());
        }
        return new HostKeyCheck.AcceptAny();
    }
}
