package io.clusterbench.probe.host;

import io.clusterbench.ClusterBenchException;
import java.util.List;
import java.util.Locale;

/**
 * The error kind a probe records for an SSH failure: {@code host-key}, {@code auth}, {@code timeout},
 * {@code unreachable}, {@code remote} or {@code invalid-spec}.
 *
 * <p>The ssh package reports every connect-time failure as {@link ClusterBenchException.Kind#CONNECTION} with a
 * message that names the cause; the finer kind is read from those messages, which is why the words looked for here
 * are the ones that package writes.
 */
final class SshFailures {
    private static final List<String> HOST_KEY_WORDS = List.of("host key", "known_hosts");
    private static final List<String> AUTH_WORDS = List.of("authentication", "cannot decrypt", "key file",
            "passphrase", "cannot use", "secret", "${");
    private static final List<String> TIMEOUT_WORDS = List.of("timed out", "did not finish within");

    private SshFailures() {
    }

    static String kind(ClusterBenchException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        switch (e.kind()) {
            case INVALID_SPEC:
                return "invalid-spec";
            case REMOTE:
                return containsAny(message, TIMEOUT_WORDS) ? "timeout" : "remote";
            default:
                break;
        }
        if (containsAny(message, HOST_KEY_WORDS)) {
            return "host-key";
        }
        if (containsAny(message, AUTH_WORDS)) {
            return "auth";
        }
        if (containsAny(message, TIMEOUT_WORDS)) {
            return "timeout";
        }
        return "unreachable";
    }

    private static boolean containsAny(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
    }
}
