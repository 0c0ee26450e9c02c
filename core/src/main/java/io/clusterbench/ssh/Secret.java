package io.clusterbench.ssh;

import java.util.Objects;

/**
 * A password, passphrase or private key text that must never be printed: {@link #toString()} is {@code ****}.
 *
 * <p>Only the code that hands the value to sshj calls {@link #reveal()}; everything else passes the wrapper around.
 * The class deliberately has no {@code equals}, so that secrets are not compared or used as map keys by accident.
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Wraps a copy of the given characters, so that the caller may wipe its array. */
    public static Secret of(char[] value) {
        return new Secret(Objects.requireNonNull(value, "value").clone());
    }

    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value").toCharArray());
    }

    /** The secret as a string, for APIs that take one. */
    public String reveal() {
        return new String(value);
    }

    /** A fresh copy of the secret's characters, which the caller may wipe (sshj blanks the arrays it is given). */
    public char[] revealChars() {
        return value.clone();
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public String toString() {
        return "****";
    }
}
