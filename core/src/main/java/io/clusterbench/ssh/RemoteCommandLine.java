package io.clusterbench.ssh;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * The command line sent for an argument list, which first reports the remote process id so that a command that
 * outlives its timeout can be killed.
 *
 * <p>Why not just the SSH {@code signal} request: OpenSSH refuses it for root logins and servers without privilege
 * separation, and closing the channel does not stop the process either. So the line is
 * {@code echo $$; exec 'arg0' 'arg1' ...}: the login shell prints its pid, which sshd made the leader of a new
 * process group, then becomes the command in place. Killing that process group from a second session ends the
 * command and everything it started. The pid line is removed from stdout before the caller sees it.
 */
final class RemoteCommandLine {

    private RemoteCommandLine() {
    }

    /** The line that runs {@code argv}, every argument quoted, after reporting the shell's pid on stdout. */
    static String reportingPid(List<String> argv) {
        return "echo $$; exec " + ShellQuoting.commandLine(argv);
    }

    /** The command that kills the process group a reported pid leads. */
    static List<String> killGroup(long pid) {
        return List.of("kill", "-s", "KILL", "--", "-" + pid);
    }

    /** A command's stdout without its first line, which holds the pid; {@link #pid()} tells it once read. */
    static final class StdoutWithoutPid extends FilterInputStream {
        private static final int MAX_PID_DIGITS = 19;
        private boolean pidLineRead;
        private volatile OptionalLong pid = OptionalLong.empty();

        StdoutWithoutPid(InputStream stdout) {
            super(stdout);
        }

        OptionalLong pid() {
            return pid;
        }

        @Override
        public int read() throws IOException {
            skipPidLine();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            skipPidLine();
            return super.read(buffer, offset, length);
        }

        private void skipPidLine() throws IOException {
            if (pidLineRead) {
                return;
            }
            pidLineRead = true;
            long value = 0;
            int digits = 0;
            int next;
            while ((next = in.read()) >= '0' && next <= '9' && digits < MAX_PID_DIGITS) {
                value = value * 10 + (next - '0');
                digits++;
            }
            if (next == '\n' && digits > 0) {
                pid = OptionalLong.of(value);
            }
        }
    }
}
