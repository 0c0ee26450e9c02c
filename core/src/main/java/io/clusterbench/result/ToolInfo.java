package io.clusterbench.result;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which build of Cluster Bench produced a result and where it ran, so that numbers from different
 * machines are never compared blindly.
 *
 * @param name always {@code clusterbench}
 * @param version the tool version from the jar manifest, or {@code dev} when run from classes
 * @param javaVersion {@code java.version} of the JVM that ran
 * @param hostname the machine the run was started on
 * @param os operating system name and architecture
 */
public record ToolInfo(String name, String version, String javaVersion, String hostname, String os) {

    /** Describes the JVM and machine this code runs on now. */
    public static ToolInfo current() {
        String version = ToolInfo.class.getPackage().getImplementationVersion();
        return new ToolInfo(
                "clusterbench",
                version == null ? "dev" : version,
                System.getProperty("java.version"),
                localHostname(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // A machine without a resolvable name still runs benchmarks; the name is only informative.
            return "unknown";
        }
    }
}
