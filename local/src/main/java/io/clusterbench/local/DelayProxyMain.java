package io.clusterbench.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link DelayProxy} as a process of its own, for scripts:
 * {@code java -cp clusterbench.jar io.clusterbench.local.DelayProxyMain --target HOST:PORT --control FILE
 * [--port-file FILE]}. Prints the port as the first line of standard output (and writes it to the port file, which
 * appears complete or not at all), then forwards until SIGTERM or Ctrl-C.
 */
public final class DelayProxyMain {

    private static final String USAGE = "usage: DelayProxyMain --target HOST:PORT --control FILE [--port-file FILE]";

    private DelayProxyMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        InetSocketAddress target = null;
        Path control = null;
        Path portFile = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--target" -> target = target(value);
                case "--control" -> control = value == null ? null : Path.of(value);
                case "--port-file" -> portFile = value == null ? null : Path.of(value);
                default -> fail("unknown argument '" + args[i] + "'");
            }
            i++;
        }
        if (target == null || control == null) {
            fail("--target and --control are required");
        }
        DelayProxy proxy = DelayProxy.start(target, control);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            stopped.countDown();
        }, "delay-proxy-stop"));
        System.out.println(proxy.port());
        System.out.flush();
        if (portFile != null) {
            Path partial = portFile.resolveSibling(portFile.getFileName() + ".partial");
            Files.writeString(partial, proxy.port() + "\n");
            Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        System.err.println("delay proxy on 127.0.0.1:" + proxy.port() + " -> " + target.getHostString() + ":"
                + target.getPort() + ", delay " + proxy.delayMicros() + " us from " + control.toAbsolutePath());
        stopped.await();
    }

    private static InetSocketAddress target(String value) {
        int colon = value == null ? -1 : value.lastIndexOf(':');
        if (colon <= 0) {
            fail("--target needs HOST:PORT, got '" + value + "'");
        }
        try {
            return new InetSocketAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            fail("--target needs HOST:PORT with a port from 0 to 65535, got '" + value + "'");
            throw e;
        }
    }

    private static void fail(String message) {
        System.err.println("DelayProxyMain: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
