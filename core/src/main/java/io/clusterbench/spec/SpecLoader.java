package io.clusterbench.spec;

import io.clusterbench.InputFiles;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a cluster spec (YAML, or JSON, which the same parser reads) and checks all of it at once, so that one run
 * shows every problem with its file, line, column and spec path.
 */
public final class SpecLoader {

    /** Aliases to lists or mappings allowed in one spec; chains of them expand exponentially (billion laughs). */
    static final int MAX_COLLECTION_ALIASES = 50;
    /** The largest spec read, in characters. */
    static final int MAX_CODE_POINTS = 1024 * 1024;
    /** The largest spec file read, in bytes, checked before reading: the characters above at up to 4 bytes each. */
    static final long MAX_BYTES = 4L * MAX_CODE_POINTS;

    private SpecLoader() {
    }

    /** Loads {@code file}; secrets are checked against this process's environment and files. */
    public static LoadedSpec load(Path file) throws SpecException {
        return load(file, SecretResolver.system());
    }

    /** Loads {@code file}, warning about secrets that {@code secrets} cannot read now. */
    public static LoadedSpec load(Path file, SecretResolver secrets) throws SpecException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, MAX_BYTES);
        } catch (InputFiles.Refused refused) {
            throw fileProblem(name, "cannot read the spec: " + refused.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fileProblem(name, "cannot read the spec: it is not UTF-8 text");
        }
        return parse(name, text, bytes, file.toAbsolutePath().getParent(), secrets);
    }

    /**
     * Loads spec text that was read elsewhere (tests, the Jenkins plugin); {@code fileName} is used in messages and
     * its folder to resolve relative paths.
     */
    public static LoadedSpec load(String fileName, String text) throws SpecException {
        return load(fileName, text, folderOf(fileName), SecretResolver.system());
    }

    /** Loads spec text, resolving relative paths against {@code folder} and checking secrets with {@code secrets}. */
    public static LoadedSpec load(String fileName, String text, Path folder, SecretResolver secrets)
            throws SpecException {
        return parse(fileName, text, text.getBytes(StandardCharsets.UTF_8), folder.toAbsolutePath(), secrets);
    }

    private static LoadedSpec parse(String name, String text, byte[] bytes, Path folder, SecretResolver secrets)
            throws SpecException {
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw fileProblem(name, "the spec is larger than " + MAX_CODE_POINTS + " characters; refused");
        }
        LoadSettings settings = settings(name, text.length());
        Optional<Node> root;
        try {
            Optional<SpecProblem> tooDeep = Nesting.check(name, text, settings);
            if (tooDeep.isPresent()) {
                throw new SpecException(List.of(tooDeep.get()));
            }
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            throw new SpecException(List.of(yamlProblem(name, e)));
        } catch (YamlEngineException e) {
            throw new SpecException(List.of(new SpecProblem(name, 1, 1, "", unmarkedMessage(e))));
        } catch (RuntimeException e) {
            // A fault inside the YAML library: still the user's input, still one clean message.
            throw new SpecException(List.of(new SpecProblem(name, 1, 1, "", "not valid YAML: the YAML reader failed"
                    + " on this text (" + e.getClass().getSimpleName() + ")")));
        } catch (StackOverflowError e) {
            // Nesting is checked above; this is the last guard, so that no input ends in a raw error.
            throw new SpecException(List.of(new SpecProblem(name, 1, 1, "", "nested too deeply to read; refused")));
        }
        if (root.isEmpty()) {
            throw new SpecException(List.of(new SpecProblem(name, 1, 1, "",
                    "the spec is empty; it needs at least cluster: NAME")));
        }
        Binding binding = new Binding(name, folder, secrets);
        Optional<ClusterSpec> spec = new SpecBinder(binding).bind(root.get());
        if (binding.errorCount() > 0 || spec.isEmpty()) {
            throw new SpecException(binding.errors());
        }
        return new LoadedSpec(spec.get(), sha256(bytes), binding.warnings());
    }

    /** The parser settings: aliases and size bounded, marks kept for messages. */
    static LoadSettings settings(String label) {
        return settings(label, 1024);
    }

    /**
     * The parser settings for a text of {@code length} chars. The whole text goes into one read buffer: SnakeYAML
     * 2.10's reader fails with an IndexOutOfBoundsException when a surrogate pair straddles two buffers (found by
     * SpecReaderFuzzTest), and a spec is at most {@value #MAX_CODE_POINTS} characters anyway.
     */
    static LoadSettings settings(String label, int length) {
        return LoadSettings.builder()
                .setBufferSize(Math.max(1024, length + 16))
                .setLabel(label)
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setAllowRecursiveKeys(false)
                .setUseMarks(true)
                .build();
    }

    private static SpecProblem yamlProblem(String name, MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        int line = mark.map(m -> m.getLine() + 1).orElse(1);
        int column = mark.map(m -> m.getColumn() + 1).orElse(1);
        if (String.valueOf(e.getProblem()).contains("another document")) {
            return new SpecProblem(name, line, column, "",
                    "a spec is one YAML document; remove this second one (starting with ---) or split the file");
        }
        StringBuilder message = new StringBuilder("not valid YAML: ");
        message.append(e.getProblem() == null ? e.getClass().getSimpleName() : e.getProblem().strip());
        if (e.getContext() != null && e.getContextMark().isPresent() && e.getProblemMark().isPresent()) {
            Mark context = e.getContextMark().get();
            message.append(" (").append(e.getContext().strip()).append(" at line ").append(context.getLine() + 1)
                    .append(", column ").append(context.getColumn() + 1).append(')');
        }
        return new SpecProblem(name, line, column, "", message.toString());
    }

    private static String unmarkedMessage(YamlEngineException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("Number of aliases")) {
            return "too many aliases (*name) to lists or mappings, more than " + MAX_COLLECTION_ALIASES
                    + ": refused, because chains of aliases can expand into billions of nodes (a 'billion laughs'"
                    + " attack)";
        }
        if (text.contains("exceeds the limit")) {
            return "the spec is larger than " + MAX_CODE_POINTS + " characters; refused";
        }
        return "not valid YAML: " + text.strip();
    }

    private static SpecException fileProblem(String name, String message) {
        return new SpecException(List.of(new SpecProblem(name, 0, 0, "", message)));
    }

    private static Path folderOf(String fileName) {
        try {
            Path parent = Path.of(fileName).toAbsolutePath().getParent();
            return parent != null ? parent : Path.of("").toAbsolutePath();
        } catch (InvalidPathException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
