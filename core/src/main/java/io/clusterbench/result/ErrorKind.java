package io.clusterbench.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The class of a failure a probe met, written to {@code result.json} as its lowercase word; docs/probes.md says which
 * probe records which, and docs/result.schema.json lists the words.
 */
public enum ErrorKind {
    /** The address does not resolve, nothing listens, the handshake failed, or the connection was lost. */
    UNREACHABLE("unreachable"),
    /** No answer within the timeout: a connect, a request, a query or a remote command. */
    TIMEOUT("timeout"),
    /** The server refused the credentials (HTTP 401/403, Redis AUTH or NOPERM, SSH login), or a secret is unreadable. */
    AUTH("auth"),
    /** An SSH host key that is unknown, changed, or not the pinned fingerprint. */
    HOST_KEY("host-key"),
    /** The TLS handshake failed. */
    TLS("tls"),
    /** An answer that breaks the protocol: not the expected JSON, a broken stream, a closed connection. */
    PROTOCOL("protocol"),
    /** A completed HTTP response with a status other than the expected one. */
    HTTP_STATUS("http-status"),
    /** The named thing (a Chroma collection) does not exist on the server. */
    NOT_FOUND("not-found"),
    /** The server or remote command reported an error of its own (a Redis error reply, an SSH command's failure). */
    REMOTE("remote"),
    /** The OpenAI-compatible server does not serve the model the spec names. */
    MODEL("model"),
    /** Prometheus refused the query (bad PromQL, or its own execution error). */
    QUERY("query"),
    /** Prometheus answered with a warning beside the result. */
    WARNING("warning"),
    /** The call succeeded but gave nothing to measure (no series, no GPU, no clock tick). */
    NODATA("nodata"),
    /** The thing measured holds nothing to query (a Chroma collection without records). */
    EMPTY("empty"),
    /** The http and openai probes' word for a spec they cannot use (a url without host, an unreadable promptsFile). */
    SPEC("spec"),
    /** The probe would not run as asked (the redis probe: an empty or occupied keyPrefix, too many clients). */
    REFUSED("refused"),
    /** The promql and host probes' word for a spec they cannot use (no url, an invalid command or host id). */
    INVALID_SPEC("invalid-spec"),
    /** The run was stopped while the probe ran; its numbers cover only the part before the stop. */
    STOPPED("stopped"),
    /** The probe was not run (excluded with {@code --only}, no implementation in this build). */
    SKIPPED("skipped"),
    /** A bug in the probe; the message asks for a report. */
    INTERNAL("internal"),
    /** Further distinct errors beyond the first 50, folded into one entry. */
    MORE("more");

    private final String word;

    ErrorKind(String word) {
        this.word = word;
    }

    /** The word written in {@code result.json}. */
    @JsonValue
    public String word() {
        return word;
    }

    /** The kind written as {@code word}, exactly. */
    public static Optional<ErrorKind> fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }

    /** Every word, in declaration order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(ErrorKind::word).toList();
    }

    @JsonCreator
    static ErrorKind read(String word) {
        return fromWord(word).orElseThrow(() -> new IllegalArgumentException(
                "unknown error kind '" + word + "'; known: " + String.join(", ", words())));
    }

    /** The word, so that messages and consoles print what {@code result.json} holds. */
    @Override
    public String toString() {
        return word;
    }
}
