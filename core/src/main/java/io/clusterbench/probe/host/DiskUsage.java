package io.clusterbench.probe.host;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The use of the file system that holds a path, from {@code df -P -B1 -- PATH}: POSIX output, one line per file
 * system, sizes in bytes.
 *
 * <p>Used % is df's own definition, used / (used + available), so that blocks reserved for root count neither as
 * used nor as available; df rounds it up to a whole percent, this keeps the fraction.
 *
 * @param filesystem df's first column, such as {@code /dev/vda1}
 * @param sizeBytes the size df reports
 * @param usedBytes bytes in use
 * @param availableBytes bytes an unprivileged user can still write
 * @param mountedOn the mount point of that file system (the path asked for may lie below it)
 */
record DiskUsage(String filesystem, long sizeBytes, long usedBytes, long availableBytes, String mountedOn) {

    private static final Pattern LINE = Pattern.compile("(.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)\\s+(.+)");

    /** The command for one path; {@code --} so that a path starting with a dash stays a path. */
    static List<String> command(String path) {
        return List.of("df", "-P", "-B1", "--", path);
    }

    /** Reads df's output (a header line, then the file system's line); empty when it holds no such line. */
    static Optional<DiskUsage> parse(String dfOutput) {
        String[] lines = dfOutput.strip().split("\n");
        for (int i = lines.length - 1; i >= 1; i--) {
            Matcher m = LINE.matcher(lines[i].strip());
            if (m.matches()) {
                try {
                    return Optional.of(new DiskUsage(m.group(1), Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), m.group(6)));
                } catch (NumberFormatException tooLarge) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Used %, or empty for a file system with no room at all (such as a pseudo file system). */
    OptionalDouble usedPercent() {
        long room = usedBytes + availableBytes;
        return room > 0 ? OptionalDouble.of(100.0 * usedBytes / room) : OptionalDouble.empty();
    }
}
