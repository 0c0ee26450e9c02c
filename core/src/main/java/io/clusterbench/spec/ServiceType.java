package io.clusterbench.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of service a spec can name, each with the word used in the spec and the probe kind that measures it. */
public enum ServiceType {
    REDIS("redis", ProbeKind.REDIS),
    HTTP("http", ProbeKind.HTTP),
    OPENAI("openai", ProbeKind.OPENAI),
    CHROMA("chroma", ProbeKind.CHROMA),
    PROMETHEUS("prometheus", ProbeKind.PROMQL);

    private final String word;
    private final ProbeKind probeKind;

    ServiceType(String word, ProbeKind probeKind) {
        this.word = word;
        this.probeKind = probeKind;
    }

    /** The word written in a spec's {@code type:}. */
    public String word() {
        return word;
    }

    /** The kind of probe a probe on this service is, unless it says otherwise. */
    public ProbeKind probeKind() {
        return probeKind;
    }

    /** The type written as {@code word}, exactly. */
    public static Optional<ServiceType> fromWord(String word) {
        return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst();
    }

    /** Every spec word, in declaration order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(ServiceType::word).toList();
    }
}
