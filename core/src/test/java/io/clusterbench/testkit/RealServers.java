package io.clusterbench.testkit;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.LocalNodeExporter;
import io.clusterbench.local.LocalPrometheus;
import io.clusterbench.local.LocalPushgateway;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.local.LocalServer;
import io.clusterbench.local.LocalServerException;
import io.clusterbench.local.LocalSshd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that hands tests real local servers: a constructor or test-method parameter of type
 * {@link LocalRedis}, {@link LocalSshd}, {@link LocalNginxBalancer}, {@link LocalNodeExporter},
 * {@link LocalPrometheus} or {@link LocalPushgateway} gets a server started on first request and shared by the whole test class, in a
 * temporary folder that is deleted when the class is done.
 *
 * <p>A {@code LocalPrometheus} scrapes the class's {@code LocalNodeExporter}, which is started with it, and the
 * class's {@code LocalPushgateway} once the test asks ({@code prometheus.scrape(pushgateway)}). A missing
 * binary fails the test with the command that installs it; nothing is skipped.
 */
public final class RealServers implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealServers.class);

    /** How to start each kind of server in a folder; Prometheus is special-cased because it needs an exporter. */
    private static final Map<Class<?>, Starter> STARTERS = Map.of(
            LocalRedis.class, (dir, context) -> LocalRedis.start(dir),
            LocalSshd.class, (dir, context) -> LocalSshd.start(dir),
            LocalNginxBalancer.class, (dir, context) -> LocalNginxBalancer.start(dir),
            LocalNodeExporter.class, (dir, context) -> LocalNodeExporter.start(dir),
            LocalPushgateway.class, (dir, context) -> LocalPushgateway.start(dir),
            LocalPrometheus.class, (dir, context) -> LocalPrometheus.start(dir, server(LocalNodeExporter.class, context)));

    @FunctionalInterface
    private interface Starter {
        LocalServer start(Path dir, ExtensionContext classContext) throws LocalServerException;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return STARTERS.containsKey(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(parameterContext.getParameter().getType(), classContext(extensionContext));
    }

    private static <T> T server(Class<T> type, ExtensionContext classContext) {
        if (type == LocalPrometheus.class) {
            // Started first so that it is stored first: JUnit closes in reverse order, Prometheus before its target.
            server(LocalNodeExporter.class, classContext);
        }
        RunningServer running = classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(type, key -> start(type, classContext), RunningServer.class);
        return type.cast(running.server());
    }

    private static RunningServer start(Class<?> type, ExtensionContext classContext) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("clusterbench-" + type.getSimpleName() + "-");
            return new RunningServer(STARTERS.get(type).start(dir, classContext), dir);
        } catch (LocalServerException e) {
            deleteQuietly(dir);
            throw new ParameterResolutionException("cannot start " + type.getSimpleName() + " for "
                    + classContext.getRequiredTestClass().getName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new ParameterResolutionException("cannot create a temporary folder for " + type.getSimpleName(), e);
        }
    }

    /**
     * The nearest context without a test method is the class's, whichever context JUnit passes (method-level for
     * method parameters, and for constructors under some configurations).
     */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /**
     * A started server and its folder, stopped and deleted when JUnit closes the class's store. It is both
     * AutoCloseable (what JUnit 5.13+ closes) and CloseableResource (what older JUnit closes); JUnit closes it once,
     * and closing twice would be harmless anyway.
     */
    @SuppressWarnings("deprecation")
    private record RunningServer(LocalServer server, Path dir)
            implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
            delete(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null) {
            try {
                delete(dir);
            } catch (UncheckedIOException ignored) {
                // The start failure is the message that matters; a leftover temp folder is not.
            }
        }
    }

    private static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Already gone.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the server folder " + dir, e);
        }
    }
}
