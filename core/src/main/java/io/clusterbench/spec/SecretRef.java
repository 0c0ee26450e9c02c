package io.clusterbench.spec;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a secret, {@code ${env:NAME}} or {@code ${file:PATH}}, never the secret itself.
 *
 * <p>For a file, {@code name} is the path with relative paths already resolved against the spec's folder; a leading
 * {@code ~} stays and is expanded when the secret is read. Printing a reference is safe: {@link #toString()} gives
 * the reference as written in that form.
 */
public record SecretRef(Source source, String name) {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Where a secret is read from. */
    public enum Source {
        /** An environment variable of the process that uses the secret. */
        ENV,
        /** A file, read whole, with trailing line breaks removed. */
        FILE
    }

    public SecretRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
    }

    /** {@code ${env:NAME}}. */
    public static SecretRef env(String name) {
        return new SecretRef(Source.ENV, name);
    }

    /** {@code ${file:PATH}}. */
    public static SecretRef file(String path) {
        return new SecretRef(Source.FILE, path);
    }

    /**
     * The reference written as {@code text}, or empty when it is not a well-formed reference (an env name must
     * match {@code [A-Za-z_][A-Za-z0-9_]*}, a file path must not be blank). The file path is returned as written.
     */
    public static Optional<SecretRef> parse(String text) {
        Matcher m = REFERENCE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(2);
        if (m.group(1).equals("env")) {
            return ENV_NAME.matcher(name).matches() ? Optional.of(env(name)) : Optional.empty();
        }
        return name.isBlank() ? Optional.empty() : Optional.of(file(name));
    }

    @Override
    public String toString() {
        return "${" + source.name().toLowerCase(Locale.ROOT) + ":" + name + "}";
    }
}
