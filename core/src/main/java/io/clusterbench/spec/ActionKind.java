package io.clusterbench.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of tuning action; a tuning item names its kind by the key that holds its target. */
public enum ActionKind {
    REDIS_CONFIG("redis-config"),
    SSH_COMMAND("ssh-command"),
    RESTART("restart"),
    VLLM_GPU_MEMORY("vllm-gpu-memory");

    private final String word;

    ActionKind(String word) {
        this.word = word;
    }

    /** The key that introduces this kind of action in a tuning item. */
    public String word() {
        return word;
    }

    /** The kind introduced by the key {@code word}, exactly. */
    public static Optional<ActionKind> fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }

    /** Every spec word, in declaration order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(ActionKind::word).toList();
    }
}
