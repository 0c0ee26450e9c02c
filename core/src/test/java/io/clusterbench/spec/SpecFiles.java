package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test helpers: spec resources, the docs folder, and loading with a fixed environment. */
final class SpecFiles {

    /** A resolver that sees no environment variables, so results do not depend on the machine. */
    static final SecretResolver NO_ENVIRONMENT = new DefaultSecretResolver(name -> null);

    private SpecFiles() {
    }

    static String resource(String path) {
        try (InputStream in = SpecFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads specs/bad/{name} as file {name} and returns its problems formatted; fails if it loads. */
    static List<String> problemsOf(String name) {
        return exceptionOf(name).problems().stream().map(SpecProblem::format).toList();
    }

    static SpecException exceptionOf(String name) {
        String text = resource("specs/bad/" + name);
        SpecException[] caught = new SpecException[1];
        assertThatThrownBy(() -> SpecLoader.load(name, text, Path.of("/specs"), NO_ENVIRONMENT))
                .isInstanceOfSatisfying(SpecException.class, e -> caught[0] = e);
        return caught[0];
    }

    static LoadedSpec loadText(String name, String text, Map<String, String> environment) throws SpecException {
        return SpecLoader.load(name, text, Path.of("/specs"), new DefaultSecretResolver(environment::get));
    }

    /** The repository's docs/ folder; tests run in core/, so it is found by walking up. */
    static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/spec.schema.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/spec.schema.json not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs");
    }
}
