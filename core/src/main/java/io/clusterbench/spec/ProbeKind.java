package io.clusterbench.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of probe, each with its descriptor; each is inferred from its service's type or written with
 * {@code type:}. A new kind is one constant here, its descriptor, its probe class and its line in
 * {@code bench.ProbeRegistry}.
 */
public enum ProbeKind {
    REDIS(new RedisDescriptor()),
    HTTP(new HttpDescriptor()),
    OPENAI(new OpenAiDescriptor()),
    CHROMA(new ChromaDescriptor()),
    PROMQL(new PromqlDescriptor()),
    HOST(new HostDescriptor()),
    GPU(new GpuDescriptor());

    private final ProbeDescriptor descriptor;

    ProbeKind(ProbeDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** Its parameters and metric names. */
    public ProbeDescriptor descriptor() {
        return descriptor;
    }

    /** The word written in a probe's {@code type:}. */
    public String word() {
        return descriptor.word();
    }

    /** Whether this kind measures hosts over SSH (and so names hosts, not a service). */
    public boolean onHosts() {
        return descriptor.onHosts();
    }

    /** The kind written as {@code word}, exactly. */
    public static Optional<ProbeKind> fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst();
    }

    /** Every spec word, in declaration order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(ProbeKind::word).toList();
    }
}
