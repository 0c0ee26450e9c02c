package io.clusterbench.spec;

import io.clusterbench.ClusterBenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads environment variables through a lookup function (the process environment in production, a map in tests)
 * and files from disk, with {@code ~} expanded and trailing line breaks removed.
 */
public final class DefaultSecretResolver implements SecretResolver {

    private final Function<String, String> environment;

    /** {@code environment} returns a variable's value or null when it is not set. */
    public DefaultSecretResolver(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String resolve(SecretRef ref) throws ClusterBenchException {
        Optional<String> reason = unavailableReason(ref);
        if (reason.isPresent()) {
            throw new ClusterBenchException(ClusterBenchException.Kind.ENVIRONMENT, reason.get());
        }
        if (ref.source() == SecretRef.Source.ENV) {
            return environment.apply(ref.name());
        }
        Path file = SpecPaths.expandHome(Path.of(ref.name()));
        try {
            return stripTrailingLineBreaks(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // The exception text can hold a path but never file content, yet keep the message to the reference.
            throw new ClusterBenchException(ClusterBenchException.Kind.ENVIRONMENT,
                    "secret " + ref + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public Optional<String> unavailableReason(SecretRef ref) {
        if (ref.source() == SecretRef.Source.ENV) {
            String value = environment.apply(ref.name());
            return value == null
                    ? Optional.of("secret " + ref + ": environment variable " + ref.name() + " is not set")
                    : Optional.empty();
        }
        Path file;
        try {
            file = SpecPaths.expandHome(Path.of(ref.name()));
        } catch (RuntimeException e) {
            return Optional.of("secret " + ref + ": not a usable file path");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("secret " + ref + ": no such file");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("secret " + ref + ": the file is not readable");
        }
        return Optional.empty();
    }

    // Secret files are usually written with echo or an editor, which add a final newline nobody means.
    private static String stripTrailingLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
