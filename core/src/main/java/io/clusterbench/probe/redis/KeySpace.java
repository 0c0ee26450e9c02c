package io.clusterbench.probe.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.CommandArguments;

/**
 * The bounded set of keys one run works on, all under the probe's prefix, and every command of the mix built once
 * per key, so that the load threads only pick prepared commands and never build strings or byte arrays per request.
 */
final class KeySpace {
    /** Keys per family: enough to spread the load over the server's hash table, few enough to write quickly. */
    static final int MAX_KEYS = 10_000;
    /** Bytes of values written before the load, which bounds the number of keys when values are large. */
    static final long PREPOPULATE_BUDGET_BYTES = 64L * 1024 * 1024;

    private final String prefix;
    private final int size;
    private final byte[] value;
    private final Map<RedisCommand.Family, byte[][]> keys = new EnumMap<>(RedisCommand.Family.class);
    private final CommandArguments[][] prepared;

    private KeySpace(String prefix, int size, byte[] value, List<RedisCommand> commands, String function) {
        this.prefix = prefix;
        this.size = size;
        this.value = value;
        this.prepared = new CommandArguments[commands.size()][];
        for (int slot = 0; slot < commands.size(); slot++) {
            RedisCommand command = commands.get(slot);
            if (command.family() == RedisCommand.Family.NONE) {
                prepared[slot] = new CommandArguments[] {command.arguments(null, value, function)};
                continue;
            }
            byte[][] familyKeys = keys.computeIfAbsent(command.family(), this::names);
            prepared[slot] = new CommandArguments[size];
            for (int i = 0; i < size; i++) {
                prepared[slot][i] = command.arguments(familyKeys[i], value, function);
            }
        }
    }

    /**
     * The key space for a run: {@value #MAX_KEYS} keys per family at most, fewer when a count-bound run sends fewer
     * commands or when large values would make pre-population write more than 64 MiB.
     */
    static KeySpace of(RedisSettings settings) {
        byte[] value = new byte[settings.valueSize()];
        Arrays.fill(value, (byte) 'x');
        return new KeySpace(settings.keyPrefix(), sizeFor(settings), value, settings.commands(),
                settings.function().orElse(""));
    }

    /** Keys per family for a run. */
    static int sizeFor(RedisSettings settings) {
        long byValue = Math.max(1, PREPOPULATE_BUDGET_BYTES / settings.valueSize());
        long size = Math.min(MAX_KEYS, byValue);
        if (settings.countBound()) {
            long perCommand = (settings.requests() + settings.commands().size() - 1) / settings.commands().size();
            size = Math.min(size, Math.max(1, perCommand));
        }
        return (int) size;
    }

    private byte[][] names(RedisCommand.Family family) {
        byte[][] names = new byte[size][];
        for (int i = 0; i < size; i++) {
            names[i] = (prefix + family.tag() + i).getBytes(StandardCharsets.UTF_8);
        }
        return names;
    }

    /** Keys per family. */
    int size() {
        return size;
    }

    /** The prepared command of a slot of the mix for key number {@code key} (PING ignores the key). */
    CommandArguments command(int slot, int key) {
        CommandArguments[] forSlot = prepared[slot];
        return forSlot.length == 1 ? forSlot[0] : forSlot[key];
    }

    /** The commands that give the keys read by GET and HGET a value before the load, so that reads hit. */
    List<CommandArguments> prepopulation(List<RedisCommand> commands) {
        List<RedisCommand> writers = commands.stream().filter(RedisCommand::readsExistingKey)
                .map(command -> command == RedisCommand.GET ? RedisCommand.SET : RedisCommand.HSET)
                .distinct().toList();
        return writers.stream().flatMap(writer -> {
            byte[][] familyKeys = keys.computeIfAbsent(writer.family(), this::names);
            return Arrays.stream(familyKeys).map(key -> writer.arguments(key, value, ""));
        }).toList();
    }

    /** The SCAN MATCH pattern of exactly the keys under the prefix: glob characters in the prefix are escaped. */
    String scanPattern() {
        return globEscape(prefix) + "*";
    }

    static String globEscape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
