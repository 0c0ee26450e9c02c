package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SpecLoader;
import hudson.tasks.Builder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Keeps docs/examples' Jenkinsfiles honest without a Jenkins: every plugin step they call exists under that
 * {@code @Symbol}, every named parameter is a {@code @DataBoundConstructor} or {@code @DataBoundSetter} property of
 * that step, and every spec they name loads with core's {@link SpecLoader}. Reflection only reads annotations and
 * signatures, never calls a stand-in.
 */
class DocsExamplesTest {
    /** Surefire's working directory is plugin/. */
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    /** Every class whose descriptor may carry a Pipeline symbol; a new step is added here. */
    private static final List<Class<?>> STEPS =
            List.of(BenchmarkClusterStep.class, ApplyTuningStep.class, AssertScoreStep.class);

    private static final Pattern SPEC = Pattern.compile("spec:\\s*'([^']+)'");

    @Test
    void everyPluginStepCallUsesAnExistingSymbolAndParameters() throws Exception {
        Map<String, Set<String>> steps = stepsBySymbol();
        Pattern call = Pattern.compile("\\b(" + String.join("|", steps.keySet()) + ")\\b\\s*\\(?([^\\n]*(?:\\n\\s+[a-zA-Z]+:[^\\n]*)*)");
        Set<String> used = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Path file : jenkinsfiles()) {
            Matcher matcher = call.matcher(Files.readString(file));
            while (matcher.find()) {
                String symbol = matcher.group(1);
                used.add(symbol);
                for (String parameter : namedParameters(matcher.group(2))) {
                    if (!steps.get(symbol).contains(parameter)) {
                        problems.add(file.getFileName() + ": " + symbol + " has no parameter '" + parameter + "'");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        // Guards the check above against passing because the pattern matched nothing.
        assertThat(used).containsExactlyInAnyOrderElementsOf(steps.keySet());
    }

    @Test
    void everySpecTheExamplesNameLoadsWithCore() throws Exception {
        Set<String> specs = new HashSet<>();
        for (Path file : jenkinsfiles()) {
            Matcher matcher = SPEC.matcher(Files.readString(file));
            while (matcher.find()) {
                specs.add(matcher.group(1));
            }
        }
        assertThat(specs).isNotEmpty();
        for (String spec : specs) {
            LoadedSpec loaded = SpecLoader.load(EXAMPLES.resolve(spec));
            assertThat(loaded.spec().objectives()).as("objectives of %s, which assertScore gates on", spec)
                    .isNotEmpty();
        }
    }

    @Test
    void freestyleExampleNamesRealBuildersAndTheirOptionFields() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document job = factory.newDocumentBuilder().parse(EXAMPLES.resolve("freestyle-config.xml").toFile());
        Element builders = (Element) job.getElementsByTagName("builders").item(0);

        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Element builder : children(builders)) {
            Class<?> type = Class.forName(builder.getTagName());
            assertThat(Builder.class).isAssignableFrom(type);
            seen.add(type);
            for (Element options : children(builder)) {
                // XStream writes fields by name: the builder's field holding the shared step, then the step's own.
                Field holder = type.getDeclaredField(options.getTagName());
                for (Element option : children(options)) {
                    if (!hasField(holder.getType(), option.getTagName())) {
                        problems.add(builder.getTagName() + "/" + options.getTagName() + " has no field "
                                + option.getTagName());
                    }
                    if (option.getTagName().equals("spec")) {
                        SpecLoader.load(EXAMPLES.resolve(option.getTextContent()));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(seen).containsExactlyInAnyOrder(
                BenchmarkClusterBuilder.class, ApplyTuningBuilder.class, AssertScoreBuilder.class);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    /** Whether XStream would write a field of that name: declared here or inherited, not static or transient. */
    private static boolean hasField(Class<?> type, String name) {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            try {
                Field field = declaring.getDeclaredField(name);
                return !Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers());
            } catch (NoSuchFieldException e) {
                // Look in the superclass: the shared options live in ClusterBenchStep.
            }
        }
        return false;
    }

    @Test
    void parametersAreReadFromConstructorAndSetters() {
        Map<String, Set<String>> steps = stepsBySymbol();

        assertThat(steps.get("benchmarkCluster")).contains("spec", "out", "only", "archive");
        assertThat(steps.get("assertScore")).contains("spec", "minimum", "unstableBelow", "baseline");
    }

    private static List<Path> jenkinsfiles() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".Jenkinsfile")).sorted().toList();
            assertThat(found).as("Jenkinsfiles in %s", EXAMPLES.toAbsolutePath()).isNotEmpty();
            return found;
        }
    }

    private static List<String> namedParameters(String arguments) {
        List<String> names = new ArrayList<>();
        // Only the step's own argument list: stop at the closing parenthesis of a call written with parentheses.
        // Quoted values first, so that 'lastPassing:5' is not read as a parameter name.
        String unquoted = arguments.replaceAll("'[^']*'|\"[^\"]*\"", "''");
        String own = unquoted.contains(")") ? unquoted.substring(0, unquoted.indexOf(')')) : unquoted;
        Matcher matcher = Pattern.compile("\\b([a-zA-Z]+):").matcher(own);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Symbol to its parameter names, found as Jenkins finds them: descriptor's @Symbol, constructor and setters. */
    private static Map<String, Set<String>> stepsBySymbol() {
        Map<String, Set<String>> steps = new HashMap<>();
        for (Class<?> step : STEPS) {
            for (Class<?> nested : step.getDeclaredClasses()) {
                Symbol symbol = nested.getAnnotation(Symbol.class);
                if (symbol != null) {
                    for (String name : symbol.value()) {
                        steps.put(name, parameters(step));
                    }
                }
            }
        }
        return steps;
    }

    private static Set<String> parameters(Class<?> step) {
        Set<String> names = new HashSet<>();
        for (Method method : step.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class) && method.getName().startsWith("set")) {
                names.add(decapitalize(method.getName().substring(3)));
            }
        }
        for (Constructor<?> constructor : step.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                // Without -parameters the names are gone; Jenkins then matches constructor parameters to getters,
                // so a getter without a setter names a constructor parameter.
                for (Method method : step.getMethods()) {
                    String name = method.getName();
                    if (method.getParameterCount() == 0 && name.startsWith("get") && !name.equals("getClass")
                            && !name.equals("getDescriptor")) {
                        names.add(decapitalize(name.substring(3)));
                    }
                }
            }
        }
        return names;
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
