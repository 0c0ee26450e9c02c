package io.clusterbench.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drains one output stream of a remote command to its end, keeping at most a cap of bytes.
 *
 * <p>It keeps reading past the cap because an unread channel closes its SSH window, and the remote command would
 * then block on write forever.
 */
final class CappedOutput implements Runnable {
    private static final int CHUNK = 32 * 1024;

    private final InputStream in;
    private final int capBytes;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CountDownLatch finished = new CountDownLatch(1);
    private long totalBytes;
    private IOException failure;

    CappedOutput(InputStream in, int capBytes) {
        this.in = in;
        this.capBytes = capBytes;
    }

    @Override
    public void run() {
        byte[] chunk = new byte[CHUNK];
        try {
            int read;
            while ((read = in.read(chunk)) != -1) {
                int room = capBytes - kept.size();
                if (room > 0) {
                    kept.write(chunk, 0, Math.min(read, room));
                }
                totalBytes += read;
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            finished.countDown();
        }
    }

    /** Waits for the end of the stream; false when the deadline passed first. */
    boolean awaitEnd(long deadlineNanos) throws InterruptedException {
        return finished.await(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    // The accessors below are read only after awaitEnd returned true, whose latch makes the writes visible.

    String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    boolean truncated() {
        return totalBytes > capBytes;
    }

    IOException failure() {
        return failure;
    }
}
