package io.clusterbench.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * The class of a failure a probe met, written to {@code result.json} as its lowercase word; docs/probes.md says which
 * probe records which, and docs/result.schema.json lists the words.
 */
public enum ErrorKind {
    /** The address does not resolve, nothing listens, the handshake failed, or the connection was lost. */
    UNREACHABLE,
    /** No answer within the timeout: a connect, a request, a query or a remote command. */
    TIMEOUT,
    /** The server refused the credentials (HTTP 401/403, Redis AUTH or NOPERM, SSH login), or a secret is unreadable. */
    AUTH,
    /** An SSH host key that is unknown, changed, or not the pinned fingerprint. */
    HOST_KEY,
    /** The TLS handshake failed. */
    TLS,
    /** An answer that breaks the protocol: not the expected JSON, a broken stream, a closed connection. */
    PROTOCOL,
    /** A completed HTTP response with a status other than the expected one. */
    HTTP_STATUS,
    /** The named thing (a Chroma collection) does not exist on the server. */
    NOT_FOUND,
    /** The server or remote command reported an error of its own (a Redis error reply, an SSH command's failure). */
    REMOTE,
    /** The OpenAI-compatible server does not serve the model the spec names. */
    MODEL,
    /** Prometheus refused the query (bad PromQL, or its own execution error). */
    QUERY,
    /** Prometheus answered with a warning beside the result. */
    WARNING,
    /** The call succeeded but gave nothing to measure (no series, no GPU, no clock tick). */
    NODATA,
    /** The thing measured holds nothing to query (a Chroma collection without records). */
    EMPTY,
    /** The http and openai probes' word for a spec they cannot use (a url without host, an unreadable promptsFile). */
    SPEC,
    /** The probe would not run as asked (the redis probe: an empty or occupied keyPrefix, too many clients). */
    REFUSED,
    /** The promql and host probes' word for a spec they cannot use (no url, an invalid command or host id). */
    INVALID_SPEC,
    /** The run was stopped while the probe ran; its numbers cover only the part before the stop. */
    STOPPED,
    /**
     * The load was aborted because an objective marked {@code abortOnFail} was certainly failing; its numbers
     * cover only the part before the abort.
     */
    ABORTED,
    /** The probe was not run (excluded with {@code --only}, no implementation in this build). */
    SKIPPED,
    /** A bug in the probe; the message asks for a report. */
    INTERNAL,
    /** Further distinct errors beyond the first 50, folded into one entry. */
    MORE;

    /** The word written in {@code result.json}: the name in lowercase, {@code _} as {@code -}. */
    @JsonValue
    public String word() {
        return Words.of(this);
    }

    /** Every word, in declaration order. */
    public static List<String> words() {
        return Words.all(ErrorKind.class);
    }

    @JsonCreator
    static ErrorKind read(String word) {
        return Words.parse(ErrorKind.class, word);
    }

    /** The word, so that messages and consoles print what {@code result.json} holds. */
    @Override
    public String toString() {
        return word();
    }
}
