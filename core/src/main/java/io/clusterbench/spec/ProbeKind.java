package io.clusterbench.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of probe; each is inferred from its service's type or written with {@code type:}. */
public enum ProbeKind {
    REDIS("redis"),
    HTTP("http"),
    OPENAI("openai"),
    CHROMA("chroma"),
    PROMQL("promql"),
    HOST("host"),
    GPU("gpu");

    private final String word;

    ProbeKind(String word) {
        this.word = word;
    }

    /** The word written in a probe's {@code type:}. */
    public String word() {
        return word;
    }

    /** Whether this kind measures hosts over SSH (and so names hosts, not a service). */
    public boolean onHosts() {
        return this == HOST || this == GPU;
    }

    /** The kind written as {@code word}, exactly. */
    public static Optional<ProbeKind> fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }

    /** Every spec word, in declaration order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(ProbeKind::word).toList();
    }
}
