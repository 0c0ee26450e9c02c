package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Catches a view that names a property its class does not have, which Jelly would silently render as empty: every
 * {@code it.x} in a class's views, every {@code v.x} of a {@code forEach var="v"} over {@code it.list}, and every
 * form {@code field="x"} must match a getter of that class (or of the list's element type). The tests that render
 * these pages need Jenkins; this check does not.
 */
class JellyBindingsTest {
    private static final Path VIEWS = Path.of("src", "main", "resources", "io", "jenkins", "plugins", "clusterbench");
    private static final String PACKAGE = "io.jenkins.plugins.clusterbench.";

    private static final Pattern IT_PROPERTY = Pattern.compile("\\bit\\.(\\w+)");
    private static final Pattern FOR_EACH =
            Pattern.compile("<j:forEach\\s+var=\"(\\w+)\"\\s+items=\"\\$\\{it\\.(\\w+)}\"");
    private static final Pattern FIELD = Pattern.compile("\\bfield=\"(\\w+)\"");

    @Test
    void everyPropertyAViewNamesExistsOnItsClass() throws Exception {
        List<Path> views = SourceTree.filesEndingIn(VIEWS, ".jelly");
        assertThat(views).as("views under %s", VIEWS.toAbsolutePath()).hasSizeGreaterThan(5);

        List<String> problems = new ArrayList<>();
        for (Path view : views) {
            Class<?> owner = Class.forName(PACKAGE + view.getParent().getFileName(), false, getClass().getClassLoader());
            problems.addAll(unboundNames(view.toString(), Files.readString(view), owner));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void reportsATypoInAPropertyALoopVariableAndAFormField() {
        String view = """
                <j:jelly>${it.verdikt}
                  <j:forEach var="o" items="${it.objectives}">${o.explanation} ${o.explanashun}</j:forEach>
                  <f:entry field="scoar"/>
                </j:jelly>
                """;

        assertThat(unboundNames("index.jelly", view, ClusterBenchAction.class)).containsExactly(
                "index.jelly: it.verdikt: ClusterBenchAction has no property 'verdikt'",
                "index.jelly: o.explanashun: ObjectiveLine has no property 'explanashun'",
                "index.jelly: field=\"scoar\": ClusterBenchAction has no property 'scoar'");
    }

    private static List<String> unboundNames(String file, String view, Class<?> owner) {
        List<String> problems = new ArrayList<>();
        Matcher it = IT_PROPERTY.matcher(view);
        while (it.find()) {
            if (property(owner, it.group(1)).isEmpty()) {
                problems.add(file + ": it." + it.group(1) + ": " + owner.getSimpleName() + " has no property '"
                        + it.group(1) + "'");
            }
        }
        Map<String, Class<?>> loopVariables = new HashMap<>();
        Matcher loop = FOR_EACH.matcher(view);
        while (loop.find()) {
            property(owner, loop.group(2)).flatMap(JellyBindingsTest::elementType)
                    .ifPresent(element -> loopVariables.put(loop.group(1), element));
        }
        loopVariables.forEach((variable, element) -> {
            Matcher use = Pattern.compile("\\b" + variable + "\\.(\\w+)").matcher(view);
            while (use.find()) {
                if (property(element, use.group(1)).isEmpty()) {
                    problems.add(file + ": " + variable + "." + use.group(1) + ": " + element.getSimpleName()
                            + " has no property '" + use.group(1) + "'");
                }
            }
        });
        Matcher field = FIELD.matcher(view);
        while (field.find()) {
            if (property(owner, field.group(1)).isEmpty()) {
                problems.add(file + ": field=\"" + field.group(1) + "\": " + owner.getSimpleName()
                        + " has no property '" + field.group(1) + "'");
            }
        }
        return problems;
    }

    /** The public getter Jelly's expression language would call for {@code name}: getName(), isName() or name(). */
    private static Optional<Method> property(Class<?> type, String name) {
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : type.getMethods()) {
            boolean getter = method.getName().equals("get" + capitalised) || method.getName().equals("is" + capitalised)
                    || method.getName().equals(name);
            if (getter && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    /** The element class of a getter returning {@code List<E>}; empty for anything else. */
    private static Optional<Class<?>> elementType(Method getter) {
        Type type = getter.getGenericReturnType();
        if (type instanceof ParameterizedType list && List.class.isAssignableFrom(getter.getReturnType())
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return Optional.of(element);
        }
        return Optional.empty();
    }
}
