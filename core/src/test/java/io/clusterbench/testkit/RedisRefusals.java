package io.clusterbench.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Values that pass every check of redis-config and that a running redis-server still refuses at CONFIG SET, for tests
 * of the failure a preflight cannot know: apply, fail, roll back.
 */
public final class RedisRefusals {
    private RedisRefusals() {
    }

    /**
     * A {@code maxclients} just above the server process's hard limit of open files, which it cannot raise, so CONFIG
     * SET answers "The operating system is not able to handle the specified number of clients". Just above, not far
     * above: Redis lowers its wish 16 files at a time until the system agrees, so a value millions over the limit
     * keeps the server busy for seconds.
     */
    public static String maxclientsAboveFileLimit(long pid) throws IOException {
        String line = Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits")).stream()
                .filter(l -> l.startsWith("Max open files")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no 'Max open files' in /proc/" + pid + "/limits"));
        String hard = line.substring("Max open files".length()).strip().split("\\s+")[1];
        if (hard.equals("unlimited")) {
            throw new IllegalStateException("redis-server " + pid + " has no hard limit of open files, so no maxclients"
                    + " is refused: run the tests with a finite 'ulimit -Hn'");
        }
        return Long.toString(Long.parseLong(hard) + 1000);
    }
}
