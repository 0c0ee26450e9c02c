package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the compile-only Jenkins stand-ins free of logic: every body throws, nothing returns, branches, loops or
 * builds a value, so no test here can ever pass by running a stand-in instead of Jenkins.
 */
class StandInsTest {
    /** Surefire runs with the module folder as working directory. */
    private static final Path STAND_INS = Path.of("..", "jenkins-stand-ins", "src", "main", "java");

    private static final String THROW = "throw new UnsupportedOperationException(\"stand-in: compile only\");";
    private static final Pattern LOGIC = Pattern.compile(
            "\\breturn\\b|\\bif\\s*\\(|\\bfor\\s*\\(|\\bwhile\\s*\\(|\\bswitch\\s*\\(|\\bnew\\s+(?!UnsupportedOperationException)"
                    + "|=(?!\\s*standIn\\(\\);)");

    private static final Pattern SERIAL_VERSION =
            Pattern.compile("private static final long serialVersionUID = -?\\d+L;");

    @Test
    void everyStandInBodyOnlyThrows() throws IOException {
        List<Path> sources = SourceTree.filesEndingIn(STAND_INS, ".java");
        assertThat(sources).as("stand-ins under %s", STAND_INS.toAbsolutePath()).hasSizeGreaterThan(50);

        List<String> problems = new ArrayList<>();
        for (Path source : sources) {
            problems.addAll(logicIn(source.toString(), Files.readAllLines(source)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void findsAStandInThatGrewLogic() {
        List<String> grown = List.of(
                "public class Secret {",
                "    public static Secret fromString(String data) {",
                "        return new Secret();",
                "    }",
                "    public String getPlainText() {",
                "        if (true) { " + THROW + " }",
                "    }",
                "    private static final String KEY = \"k\";",
                "}");

        assertThat(logicIn("Secret.java", grown)).hasSize(3);
        assertThat(logicIn("Secret.java", List.of("    public static final Permission READ = standIn();",
                "        " + THROW, "        super(job);", "    /** Returns = nothing; if (it) for (ever). */",
                "    private static final long serialVersionUID = 1L;", "@Deprecated(since = \"2.505\")")))
                .isEmpty();
    }

    private static List<String> logicIn(String file, List<String> lines) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String code = withoutComment(lines.get(i)).replace(THROW, "");
            if (LOGIC.matcher(code).find()) {
                problems.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        return problems;
    }

    /**
     * The line as code to check: without a trailing or whole-line comment (Javadoc lines start with {@code *} or
     * {@code /**}), and empty for annotations and {@code serialVersionUID}, whose values are declarations, not logic.
     */
    private static String withoutComment(String line) {
        String stripped = line.strip();
        if (stripped.startsWith("*") || stripped.startsWith("/*") || stripped.startsWith("//")
                || stripped.startsWith("@") || SERIAL_VERSION.matcher(stripped).matches()) {
            return "";
        }
        int comment = line.indexOf("//");
        return comment < 0 ? line : line.substring(0, comment);
    }
}
