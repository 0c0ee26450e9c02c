package io.jenkins.plugins.clusterbench;

import hudson.util.FormValidation;
import java.util.Optional;

/**
 * What a form field's check says, made without Jenkins so that plain tests run every check ({@link FormChecks}); the
 * descriptors' {@code doCheck} methods only turn it into Jenkins' {@link FormValidation}.
 */
record FieldCheck(Kind kind, String message) {

    /** The severity, as {@link FormValidation.Kind}: a warning lets the form be saved, as an error does too. */
    enum Kind { OK, WARNING, ERROR }

    static FieldCheck ok() {
        return new FieldCheck(Kind.OK, "");
    }

    static FieldCheck warning(String message) {
        return new FieldCheck(Kind.WARNING, message);
    }

    static FieldCheck error(String message) {
        return new FieldCheck(Kind.ERROR, message);
    }

    /** An error with the problem a parser named, or OK when it named none. */
    static FieldCheck errorIf(Optional<String> problem) {
        return problem.map(FieldCheck::error).orElseGet(FieldCheck::ok);
    }

    FormValidation toFormValidation() {
        return switch (kind) {
            case OK -> FormValidation.ok();
            case WARNING -> FormValidation.warning(message);
            case ERROR -> FormValidation.error(message);
        };
    }
}
