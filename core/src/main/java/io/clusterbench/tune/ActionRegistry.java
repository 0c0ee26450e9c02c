package io.clusterbench.tune;

import io.clusterbench.spec.ActionKind;
import io.clusterbench.tune.redis.RedisConfigAction;
import io.clusterbench.tune.restart.RestartAction;
import io.clusterbench.tune.ssh.SshCommandAction;
import io.clusterbench.tune.vllm.VllmGpuMemoryAction;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The one place where action kinds are bound to their implementations: a new kind is one line here. */
public final class ActionRegistry {
    private final Map<ActionKind, TuningAction> actions;

    private ActionRegistry(Map<ActionKind, TuningAction> actions) {
        this.actions = Map.copyOf(actions);
    }

    /** Every action kind Cluster Bench has. */
    public static ActionRegistry standard() {
        Map<ActionKind, TuningAction> actions = new EnumMap<>(ActionKind.class);
        actions.put(ActionKind.REDIS_CONFIG, new RedisConfigAction());
        actions.put(ActionKind.SSH_COMMAND, new SshCommandAction());
        actions.put(ActionKind.RESTART, new RestartAction());
        actions.put(ActionKind.VLLM_GPU_MEMORY, new VllmGpuMemoryAction());
        return new ActionRegistry(actions);
    }

    /** A registry of the given actions only, for tests. */
    public static ActionRegistry of(Map<ActionKind, TuningAction> actions) {
        return new ActionRegistry(actions);
    }

    /** The implementation of a kind, if registered. */
    public Optional<TuningAction> action(ActionKind kind) {
        return Optional.ofNullable(actions.get(kind));
    }
}
