package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every text the plugin shows comes from a resource: Java's from {@code Messages.properties} (through the generated
 * {@code Messages} class), the views' from {@code ${%...}}, with a per-view {@code .properties} file for the texts that
 * need a key. In {@code ${%...}} a {@code (} starts the arguments, so a text with parentheses must be a key that the
 * view's file defines, or Jenkins would render the text cut off and evaluate the rest as expressions.
 */
class UiTextsTest {
    private static final Path JAVA = Path.of("src", "main", "java");
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Path MESSAGES = RESOURCES.resolve("io/jenkins/plugins/clusterbench/Messages.properties");
    private static final Pattern VIEW_TEXT = Pattern.compile("\\$\\{%([^}]*)}");
    /** A key rather than English text: CamelCase of two words or more, such as {@code OnlyPlan}. */
    private static final Pattern KEY = Pattern.compile("[A-Z][a-z]+[A-Z]\\w*");
    private static final Pattern LITERAL_TEXT = Pattern.compile(
            "getDisplayName\\(\\) \\{\\s*return \"|FormValidation\\.(?:error|warning)\\(\"");

    @Test
    void everyMessageIsUsedAndNoJavaUiTextIsALiteral() throws IOException {
        StringBuilder sources = new StringBuilder();
        List<String> literals = new ArrayList<>();
        for (Path file : SourceTree.filesEndingIn(JAVA, ".java")) {
            String source = Files.readString(file);
            sources.append(source);
            Matcher literal = LITERAL_TEXT.matcher(source);
            while (literal.find()) {
                literals.add(file.getFileName() + ": " + literal.group());
            }
        }
        Properties messages = load(MESSAGES);

        assertThat(messages).hasSizeGreaterThan(15);
        assertThat(messages.stringPropertyNames()).allSatisfy(key -> assertThat(sources.toString())
                .as("Messages.%s( in src/main/java", key.replace('.', '_')).contains("Messages." + key.replace('.', '_') + "("));
        assertThat(literals).as("UI texts written in Java instead of Messages.properties").isEmpty();
    }

    @Test
    void everyViewTextWithParenthesesOrAKeyIsDefinedByTheViewsPropertiesAndEveryDefinitionIsUsed()
            throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path view : SourceTree.filesEndingIn(RESOURCES, ".jelly")) {
            problems.addAll(problemsOf(view.toString(), Files.readString(view), propertiesBeside(view)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void findsATextThatJenkinsWouldCutAtItsParenthesisAndAnUndefinedKey() {
        String view = "<f:entry title=\"${%Only plan (change nothing)}\"/> <f:entry title=\"${%OnlyPlna}\"/>"
                + " <p>${%Verdict}</p> <p>${%Changed(it.count)}</p>";
        Properties defined = new Properties();
        defined.setProperty("OnlyPlan", "Only plan (change nothing)");
        defined.setProperty("Changed", "{0} changed");

        assertThat(problemsOf("v.jelly", view, defined)).containsExactly(
                "v.jelly: ${%Only plan (change nothing)}: a ( starts arguments, and 'Only plan ' is no key of "
                        + "v.properties",
                "v.jelly: ${%OnlyPlna}: no key of v.properties",
                "v.jelly: v.properties defines OnlyPlan, which the view never uses");
    }

    private static List<String> problemsOf(String view, String text, Properties defined) {
        String properties = view.replaceAll("\\.jelly$", ".properties");
        String file = Path.of(properties).getFileName().toString();
        List<String> problems = new ArrayList<>();
        List<String> used = new ArrayList<>();
        Matcher matcher = VIEW_TEXT.matcher(text);
        while (matcher.find()) {
            String expression = matcher.group(1);
            int paren = expression.indexOf('(');
            String key = paren < 0 ? expression : expression.substring(0, paren);
            used.add(key);
            if (paren >= 0 && !defined.containsKey(key)) {
                problems.add(view + ": " + matcher.group() + ": a ( starts arguments, and '" + key + "' is no key of "
                        + file);
            } else if (paren < 0 && KEY.matcher(key).matches() && !defined.containsKey(key)) {
                problems.add(view + ": " + matcher.group() + ": no key of " + file);
            }
        }
        for (String key : defined.stringPropertyNames()) {
            if (!used.contains(key)) {
                problems.add(view + ": " + file + " defines " + key + ", which the view never uses");
            }
        }
        return problems;
    }

    private static Properties propertiesBeside(Path view) throws IOException {
        Path file = view.resolveSibling(view.getFileName().toString().replaceAll("\\.jelly$", ".properties"));
        return Files.exists(file) ? load(file) : new Properties();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
