package io.clusterbench.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The state of binding one spec: its file name and folder, the secret resolver used for early warnings, and the
 * errors and warnings found so far, each pinned to a node.
 */
final class Binding {

    private static final Comparator<SpecProblem> FILE_ORDER =
            Comparator.comparingInt(SpecProblem::line).thenComparingInt(SpecProblem::column);

    private final String file;
    private final Path folder;
    private final SecretResolver secrets;
    private final List<SpecProblem> errors = new ArrayList<>();
    private final List<SpecProblem> warnings = new ArrayList<>();

    Binding(String file, Path folder, SecretResolver secrets) {
        this.file = file;
        this.folder = folder;
        this.secrets = secrets;
    }

    Path folder() {
        return folder;
    }

    SecretResolver secrets() {
        return secrets;
    }

    void error(Node at, String path, String message) {
        SpecLocation where = locate(at);
        errors.add(new SpecProblem(file, where.line(), where.column(), path, message));
    }

    void warning(Node at, String path, String message) {
        SpecLocation where = locate(at);
        warnings.add(new SpecProblem(file, where.line(), where.column(), path, message));
    }

    int errorCount() {
        return errors.size();
    }

    /** Errors sorted into file order (cross-reference checks run after the sections they point into). */
    List<SpecProblem> errors() {
        return errors.stream().sorted(FILE_ORDER).toList();
    }

    List<SpecProblem> warnings() {
        return warnings.stream().sorted(FILE_ORDER).toList();
    }

    SpecLocation locate(Node node) {
        Optional<Mark> mark = node.getStartMark();
        return mark.map(m -> new SpecLocation(file, m.getLine() + 1, m.getColumn() + 1))
                .orElseGet(() -> new SpecLocation(file, 1, 1));
    }

    /** The line a node starts on, for messages such as "first at line 3". */
    int line(Node node) {
        return locate(node).line();
    }
}
