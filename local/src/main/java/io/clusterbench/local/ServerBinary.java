package io.clusterbench.local;

import java.util.Objects;

/**
 * An executable that a local server needs, with the Debian package that installs it.
 *
 * @param executable the file name looked up on the search path, such as {@code redis-server}
 * @param aptPackage the Debian/Ubuntu package that provides it
 */
public record ServerBinary(String executable, String aptPackage) {

    public static final ServerBinary REDIS_SERVER = new ServerBinary("redis-server", "redis-server");
    public static final ServerBinary SSHD = new ServerBinary("sshd", "openssh-server");
    public static final ServerBinary SSH_KEYGEN = new ServerBinary("ssh-keygen", "openssh-client");
    public static final ServerBinary SSH = new ServerBinary("ssh", "openssh-client");
    public static final ServerBinary NGINX = new ServerBinary("nginx", "nginx");
    /** Makes the private certificate authority and the server certificates of the TLS tests. */
    public static final ServerBinary OPENSSL = new ServerBinary("openssl", "openssl");
    public static final ServerBinary PROMETHEUS = new ServerBinary("prometheus", "prometheus");
    public static final ServerBinary NODE_EXPORTER =
            new ServerBinary("prometheus-node-exporter", "prometheus-node-exporter");
    /** The browser the report tests render the HTML reports in, headless. */
    public static final ServerBinary CHROMIUM = new ServerBinary("chromium", "chromium");
    /** The WebDriver server of Debian's chromium, through which the report tests drive it. */
    public static final ServerBinary CHROMEDRIVER = new ServerBinary("chromedriver", "chromium-driver");
    public static final ServerBinary PUSHGATEWAY =
            new ServerBinary("prometheus-pushgateway", "prometheus-pushgateway");

    public ServerBinary {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(aptPackage, "aptPackage");
        if (executable.isBlank() || executable.contains("/")) {
            throw new IllegalArgumentException("executable must be a plain file name: " + executable);
        }
    }

    /** The command that installs this binary, for messages. */
    public String installCommand() {
        return "apt-get install -y " + aptPackage;
    }
}
