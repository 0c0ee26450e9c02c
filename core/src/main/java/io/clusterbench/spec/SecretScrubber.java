package io.clusterbench.spec;

import io.clusterbench.ClusterBenchException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that servers or commands produced before it reaches a message, a file or the console:
 * every secret value the spec's references resolve to (whatever service or host it belongs to, since a server may
 * echo any credential it was sent) and well-known token shapes ({@code Bearer ...}, {@code sk-...},
 * {@code Authorization: ...}, {@code api_key=...}). One class, so that every channel scrubs alike.
 */
public final class SecretScrubber {
    /** Shorter values are left alone: replacing every "ab" in a message would destroy it and protect nothing. */
    static final int MIN_LENGTH = 4;
    private static final String MASK = "***";
    private static final List<Pattern> TOKEN_SHAPES = List.of(
            Pattern.compile("(?i)\\b(bearer|basic|token)(\\s+)[A-Za-z0-9._~+/=-]{8,}"),
            Pattern.compile("\\b(sk-)[A-Za-z0-9_-]{8,}"),
            Pattern.compile("(?i)\\b(authorization|proxy-authorization|x-api-key|api[-_]?key|x-chroma-token"
                    + "|access[-_]?token|password)(\"?\\s*[:=]\\s*\"?)(?!\\*\\*\\*)[^\\s\"',;}&]+"));

    private final Set<String> values = ConcurrentHashMap.newKeySet();

    /** A scrubber that knows no values yet (token shapes still go). */
    public SecretScrubber() {
    }

    /**
     * A scrubber holding every secret the spec's services and hosts refer to, resolved now; a reference that cannot
     * be read is skipped (it cannot leak what it never gave).
     */
    public static SecretScrubber of(ClusterSpec spec, SecretResolver secrets) {
        SecretScrubber scrubber = new SecretScrubber();
        for (ServiceSpec service : spec.services().values()) {
            service.secret().ifPresent(ref -> scrubber.addResolved(ref, secrets));
        }
        for (HostSpec host : spec.hosts().values()) {
            HostAuth auth = host.auth();
            if (auth instanceof HostAuth.Password p) {
                scrubber.addResolved(p.password(), secrets);
            } else if (auth instanceof HostAuth.KeyText k) {
                scrubber.addResolved(k.key(), secrets);
                k.passphrase().ifPresent(ref -> scrubber.addResolved(ref, secrets));
            } else if (auth instanceof HostAuth.KeyFile f) {
                f.passphrase().ifPresent(ref -> scrubber.addResolved(ref, secrets));
            }
        }
        return scrubber;
    }

    private void addResolved(SecretRef ref, SecretResolver secrets) {
        try {
            add(secrets.resolve(ref));
        } catch (ClusterBenchException e) {
            // Unreadable now: nothing of it can reach a message.
        }
    }

    /** Adds a secret value; a multi-line value (a PEM key) is added line by line too. */
    public void add(String value) {
        if (value == null) {
            return;
        }
        String trimmed = value.strip();
        if (trimmed.length() >= MIN_LENGTH) {
            values.add(trimmed);
        }
        for (String line : trimmed.split("\\R")) {
            String part = line.strip();
            if (part.length() >= 2 * MIN_LENGTH && !part.startsWith("-----")) {
                values.add(part);
            }
        }
    }

    /** {@code text} with every known secret value and token shape replaced by {@code ***}; null stays null. */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        // Longest first, so that a secret containing another is masked whole.
        for (String secret : values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(secret, MASK);
        }
        out = TOKEN_SHAPES.get(0).matcher(out).replaceAll("$1$2" + MASK);
        out = TOKEN_SHAPES.get(1).matcher(out).replaceAll("$1" + MASK);
        return TOKEN_SHAPES.get(2).matcher(out).replaceAll("$1$2" + MASK);
    }

    /** The map with every value scrubbed, in its order; null stays null. */
    public Map<String, String> scrubValues(Map<String, String> values) {
        if (values == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, scrub(v)));
        return out;
    }

    /** {@link #scrub} of an optional text. */
    public Optional<String> scrub(Optional<String> text) {
        return text.map(this::scrub);
    }
}
