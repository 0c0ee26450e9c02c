package io.clusterbench.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Binds the {@code hosts:} section. */
final class HostBinder {

    static final List<String> KEYS = List.of("address", "port", "user", "keyFile", "key", "password", "passphrase",
            "hostKey", "knownHosts", "insecureAcceptAnyHostKey", "connectTimeout", "commandTimeout");
    static final List<String> AUTH_KEYS = List.of("keyFile", "key", "password");
    static final List<String> HOST_KEY_KEYS = List.of("hostKey", "knownHosts", "insecureAcceptAnyHostKey");
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(60);
    static final String FINGERPRINT_EXAMPLE = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";

    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    /** The hosts that bound cleanly, and every id declared (so references to a broken host are not errors too). */
    record Hosts(Map<String, HostSpec> valid, Set<String> ids) {
    }

    private final Binding binding;

    HostBinder(Binding binding) {
        this.binding = binding;
    }

    Hosts bind(Optional<YamlMap> section) {
        Map<String, HostSpec> valid = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        section.ifPresent(hosts -> {
            for (String id : hosts.keys()) {
                ids.add(id);
                int errorsBefore = binding.errorCount();
                Values.checkId(hosts.keyNode(id), hosts.child(id), id, binding);
                Optional<HostSpec> host = YamlMap.of(hosts.get(id).orElseThrow(), hosts.child(id), binding)
                        .flatMap(m -> host(id, m, hosts.keyNode(id)));
                if (binding.errorCount() == errorsBefore) {
                    host.ifPresent(h -> valid.put(id, h));
                }
            }
        });
        return new Hosts(valid, ids);
    }

    private Optional<HostSpec> host(String id, YamlMap m, Node at) {
        int errorsBefore = binding.errorCount();
        m.allow(KEYS);
        Optional<String> address = m.require("address")
                ? m.get("address").flatMap(v -> Values.address(v, m.child("address"), binding)) : Optional.empty();
        int port = m.whole("port", 1, 65535).orElse(22L).intValue();
        Optional<String> user = m.requireText("user");
        Optional<HostAuth> auth = auth(m);
        Optional<HostKeyPolicy> hostKey = hostKey(m);
        Duration connectTimeout = m.duration("connectTimeout").orElse(DEFAULT_CONNECT_TIMEOUT);
        Duration commandTimeout = m.duration("commandTimeout").orElse(DEFAULT_COMMAND_TIMEOUT);
        if (binding.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new HostSpec(id, address.orElseThrow(), port, user.orElseThrow(), auth.orElseThrow(),
                hostKey.orElseThrow(), connectTimeout, commandTimeout, binding.locate(at)));
    }

    private Optional<HostAuth> auth(YamlMap m) {
        // Read every form even when several are given, so a literal password is reported in any case.
        Optional<Path> keyFile = m.filePath("keyFile");
        Optional<SecretRef> key = m.secret("key");
        Optional<SecretRef> password = m.secret("password");
        Optional<SecretRef> passphrase = m.secret("passphrase");
        Optional<String> chosen = m.exactlyOne(AUTH_KEYS, "needs a way to log in: exactly one of keyFile, key or password");
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        if (chosen.get().equals("password") && m.has("passphrase")) {
            binding.error(m.keyNode("passphrase"), m.child("passphrase"),
                    "passphrase goes with keyFile or key, not with password");
            return Optional.empty();
        }
        return switch (chosen.get()) {
            case "keyFile" -> keyFile.map(path -> new HostAuth.KeyFile(path, passphrase));
            case "key" -> key.map(ref -> new HostAuth.KeyText(ref, passphrase));
            default -> password.map(HostAuth.Password::new);
        };
    }

    private Optional<HostKeyPolicy> hostKey(YamlMap m) {
        Optional<String> fingerprint = m.text("hostKey").filter(f -> checkFingerprint(m, f));
        Optional<Path> knownHosts = m.filePath("knownHosts");
        Optional<Boolean> insecure = m.flag("insecureAcceptAnyHostKey");
        List<String> given = new ArrayList<>(m.present(HOST_KEY_KEYS));
        if (insecure.isPresent() && !insecure.get()) {
            given.remove("insecureAcceptAnyHostKey"); // false means "not this way", not a choice
        }
        Optional<String> chosen = m.exactlyOne(HOST_KEY_KEYS, given, "needs a way to check the host's key:"
                + " exactly one of hostKey, knownHosts or insecureAcceptAnyHostKey: true");
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        return switch (chosen.get()) {
            case "hostKey" -> fingerprint.map(HostKeyPolicy.Pinned::new);
            case "knownHosts" -> knownHosts.map(HostKeyPolicy.KnownHosts::new);
            default -> {
                binding.warning(m.get("insecureAcceptAnyHostKey").orElseThrow(), m.child("insecureAcceptAnyHostKey"),
                        "accepts any host key, so a machine in the middle can read everything sent to this host,"
                                + " passwords included; pin the key with hostKey (ssh-keyscan HOST | ssh-keygen -lf -)"
                                + " or use knownHosts");
                yield Optional.of(new HostKeyPolicy.InsecureAcceptAny());
            }
        };
    }

    private boolean checkFingerprint(YamlMap m, String fingerprint) {
        if (FINGERPRINT.matcher(fingerprint).matches()) {
            return true;
        }
        binding.error(m.get("hostKey").orElseThrow(), m.child("hostKey"), "must be a SHA-256 fingerprint such as "
                + FINGERPRINT_EXAMPLE + " (ssh-keyscan HOST | ssh-keygen -lf -), got '" + Values.echo(fingerprint) + "'");
        return false;
    }
}
