package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the real plugin build (pom-jenkins.xml) bundles in the .hpi, checked here where that build cannot run: every
 * jar of core's runtime closure (listed by this build's maven-dependency-plugin into
 * {@code target/runtime-dependencies.txt}) is either in docs/development.md's list of bundled jars, with its reason,
 * or in its list of jars left out, each excluded from core in pom-jenkins.xml and provided by Jenkins core or by a
 * library plugin that pom-jenkins.xml depends on. Jackson and BouncyCastle are never bundled.
 */
class BundledJarsTest {
    private static final Path RUNTIME_DEPENDENCIES = Path.of("target", "runtime-dependencies.txt");
    private static final Path JENKINS_POM = Path.of("pom-jenkins.xml");
    private static final Path DOC = Path.of("..", "docs", "development.md");
    private static final String JENKINS_CORE = "Jenkins core";

    @Test
    void everyJarTheHpiWouldBundleIsListedWithItsReasonAndTheRestComeFromJenkins() throws Exception {
        Set<String> closure = runtimeClosure();
        Map<String, String> bundled = table("| bundled jar");
        Map<String, String> leftOut = table("| left out");
        Set<String> excluded = coreExclusions();
        Set<String> pluginDependencies = jenkinsPomDependencies();

        assertThat(closure).as("core's runtime closure, from %s", RUNTIME_DEPENDENCIES).hasSizeGreaterThan(10);
        assertThat(problems(closure, bundled, leftOut, excluded, pluginDependencies)).isEmpty();
        assertThat(bundled.keySet()).as("Jenkins ships these as jackson2-api and bouncycastle-api")
                .noneMatch(jar -> jar.startsWith("com.fasterxml.jackson.") || jar.startsWith("org.bouncycastle:"));
        assertThat(leftOut).containsEntry("com.fasterxml.jackson.core:jackson-databind", "jackson2-api")
                .containsEntry("org.bouncycastle:bcprov-jdk18on", "bouncycastle-api");
    }

    @Test
    void reportsAJarNobodyListedAListedJarCoreNoLongerHasAndAnExclusionWithoutAProvider() {
        Set<String> closure = Set.of("a:kept", "a:lib", "a:new");
        Map<String, String> bundled = Map.of("a:kept", "needed", "a:gone", "stale");
        Map<String, String> leftOut = Map.of("a:lib", "lib-api");

        assertThat(problems(closure, bundled, leftOut, Set.of(), Set.of())).containsExactlyInAnyOrder(
                "a:new: in core's runtime closure but in neither list of docs/development.md",
                "a:gone: listed as bundled but not in core's runtime closure",
                "a:lib: listed as left out but not excluded from clusterbench-core in pom-jenkins.xml",
                "a:lib: left out for lib-api, which pom-jenkins.xml does not depend on");
    }

    private static List<String> problems(Set<String> closure, Map<String, String> bundled,
            Map<String, String> leftOut, Set<String> excluded, Set<String> pluginDependencies) {
        List<String> problems = new ArrayList<>();
        for (String jar : closure) {
            if (!bundled.containsKey(jar) && !leftOut.containsKey(jar)) {
                problems.add(jar + ": in core's runtime closure but in neither list of docs/development.md");
            }
        }
        for (String jar : bundled.keySet()) {
            if (!closure.contains(jar)) {
                problems.add(jar + ": listed as bundled but not in core's runtime closure");
            }
            if (bundled.get(jar).isBlank()) {
                problems.add(jar + ": bundled without a reason");
            }
            if (excluded.contains(jar)) {
                problems.add(jar + ": listed as bundled but excluded in pom-jenkins.xml");
            }
        }
        for (Map.Entry<String, String> jar : leftOut.entrySet()) {
            if (!excluded.contains(jar.getKey())) {
                problems.add(jar.getKey() + ": listed as left out but not excluded from clusterbench-core in "
                        + "pom-jenkins.xml");
            }
            if (!jar.getValue().equals(JENKINS_CORE) && !pluginDependencies.contains(jar.getValue())) {
                problems.add(jar.getKey() + ": left out for " + jar.getValue()
                        + ", which pom-jenkins.xml does not depend on");
            }
        }
        for (String jar : excluded) {
            if (!leftOut.containsKey(jar)) {
                problems.add(jar + ": excluded in pom-jenkins.xml but not in the list of jars left out");
            }
        }
        return problems;
    }

    /** {@code groupId:artifactId} of every runtime dependency of the plugin, core's jar included. */
    private static Set<String> runtimeClosure() throws IOException {
        assertThat(RUNTIME_DEPENDENCIES).as("written by maven-dependency-plugin:list in generate-test-resources; "
                + "run this test through Maven").exists();
        Set<String> jars = new LinkedHashSet<>();
        for (String line : Files.readAllLines(RUNTIME_DEPENDENCIES)) {
            String[] parts = line.strip().split("\\s+")[0].split(":");
            if (parts.length >= 5) {
                jars.add(parts[0] + ":" + parts[1]);
            }
        }
        return jars;
    }

    /**
     * The table of docs/development.md whose header row starts with {@code header}: first cell (a
     * {@code groupId:artifactId} in backticks) to second cell (the reason, or the provider in backticks).
     */
    private static Map<String, String> table(String header) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith(header)) {
                inTable = true;
            } else if (inTable && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                rows.put(cells[1].strip().replace("`", ""), cells[2].strip().replace("`", ""));
            } else if (inTable && !line.startsWith("|")) {
                break;
            }
        }
        assertThat(rows).as("table '%s' in %s", header, DOC).isNotEmpty();
        return rows;
    }

    /** The exclusions on pom-jenkins.xml's dependency on core's jar. */
    private static Set<String> coreExclusions() throws Exception {
        Set<String> excluded = new LinkedHashSet<>();
        for (Element dependency : dependencies()) {
            if (text(dependency, "artifactId").equals("clusterbench-core") && text(dependency, "type").isEmpty()) {
                NodeList exclusions = dependency.getElementsByTagName("exclusion");
                for (int i = 0; i < exclusions.getLength(); i++) {
                    Element exclusion = (Element) exclusions.item(i);
                    excluded.add(text(exclusion, "groupId") + ":" + text(exclusion, "artifactId"));
                }
            }
        }
        return excluded;
    }

    /** The artifactIds pom-jenkins.xml depends on outside test scope. */
    private static Set<String> jenkinsPomDependencies() throws Exception {
        Set<String> artifacts = new LinkedHashSet<>();
        for (Element dependency : dependencies()) {
            if (!text(dependency, "scope").equals("test")) {
                artifacts.add(text(dependency, "artifactId"));
            }
        }
        return artifacts;
    }

    private static List<Element> dependencies() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(JENKINS_POM.toFile());
        Element project = pom.getDocumentElement();
        List<Element> found = new ArrayList<>();
        NodeList children = project.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals("dependencies")) {
                NodeList dependencies = element.getElementsByTagName("dependency");
                for (int j = 0; j < dependencies.getLength(); j++) {
                    found.add((Element) dependencies.item(j));
                }
            }
        }
        return found;
    }

    /** The text of {@code element}'s direct child {@code name}, or empty. */
    private static String text(Element element, String name) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        return "";
    }
}
