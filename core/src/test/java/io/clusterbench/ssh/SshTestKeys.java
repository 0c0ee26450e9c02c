package io.clusterbench.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Fresh ed25519 keys made by the real ssh-keygen, for keys and host keys that a test server does not know. */
final class SshTestKeys {

    private SshTestKeys() {
    }

    /** Generates an unencrypted key pair {@code dir/name} and {@code dir/name.pub}. */
    static Path newKey(Path dir, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString()));
        return key;
    }

    /** Generates an unencrypted ECDSA key pair whose private key is in the traditional PEM format. */
    static Path newPemKey(Path dir, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        run(List.of("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-m", "PEM", "-N", "", "-C", name, "-f",
                key.toString()));
        return key;
    }

    /** The public key as {@code ssh-ed25519 AAAA...}, without comment. */
    static String publicKey(Path key) throws IOException {
        String[] fields = Files.readString(Path.of(key + ".pub")).strip().split("\\s+");
        return fields[0] + " " + fields[1];
    }

    /** The fingerprint exactly as {@code ssh-keygen -l -E sha256} prints it. */
    static String fingerprint(Path key) throws IOException, InterruptedException {
        String line = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub"));
        return line.split("\\s+")[1];
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s exit code; output: %s", command, output).isZero();
        return output;
    }
}
