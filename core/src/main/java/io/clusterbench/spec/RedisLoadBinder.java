package io.clusterbench.spec;

/**
 * Checks what the redis parameter table cannot: that {@code fcall} and {@code function} come together, and that a
 * profile of clients is not given a fixed {@code clients} beside it (each level sets its own).
 */
final class RedisLoadBinder {

    private final Binding binding;

    RedisLoadBinder(Binding binding) {
        this.binding = binding;
    }

    /** Reports every such problem of {@code probe}, written in {@code m}. */
    void check(YamlMap m, ProbeSpec probe) {
        Parameters p = probe.parameters();
        boolean calls = RedisDescriptor.COMMANDS.in(p).contains("fcall");
        String function = RedisDescriptor.FUNCTION.name();
        if (calls && !p.has(function)) {
            String commands = RedisDescriptor.COMMANDS.name();
            binding.error(m.get(commands).orElseThrow(), m.child(commands),
                    "fcall calls a Redis function the probe does not load: add function: NAME, the function you"
                            + " loaded with FUNCTION LOAD");
        }
        if (!calls && p.has(function)) {
            binding.error(m.keyNode(function), m.child(function), "function is called only by the fcall command:"
                    + " add fcall to commands or remove function");
        }
        boolean clientsProfile = RedisDescriptor.PROFILE.optionalIn(p)
                .filter(profile -> profile.knob().equals(RedisDescriptor.CLIENTS.name())).isPresent();
        if (clientsProfile && m.has(RedisDescriptor.CLIENTS.name())) {
            binding.error(m.keyNode(RedisDescriptor.CLIENTS.name()), m.child(RedisDescriptor.CLIENTS.name()),
                    "the profile sets clients level by level, so the probe cannot also fix clients: remove it");
        }
    }
}
