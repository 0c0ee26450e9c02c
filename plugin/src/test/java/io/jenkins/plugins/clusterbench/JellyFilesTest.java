package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;

/**
 * Fails the build when a Jelly view is not well-formed XML or lacks {@code <?jelly escape-by-default='true'?>}, the
 * switch without which every {@code ${...}} in it is written unescaped into the page (cross-site scripting).
 */
class JellyFilesTest {
    /** Surefire runs with the module folder as working directory, in this build and in pom-jenkins.xml. */
    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    void everyJellyFileIsXmlThatEscapesByDefault() throws Exception {
        List<Path> jellyFiles = SourceTree.filesEndingIn(RESOURCES, ".jelly");
        assertThat(jellyFiles).as("Jelly files under %s", RESOURCES.toAbsolutePath()).isNotEmpty();

        List<String> problems = new ArrayList<>();
        for (Path file : jellyFiles) {
            try {
                if (!escapesByDefault(parse(file))) {
                    problems.add(file + ": first line must be <?jelly escape-by-default='true'?>");
                }
            } catch (Exception e) {
                problems.add(file + ": not well-formed XML: " + e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFormFieldHasAHelpFileBesideItsConfigPage() throws Exception {
        List<Path> configPages = SourceTree.filesEndingIn(RESOURCES, ".jelly").stream()
                .filter(file -> file.getFileName().toString().equals("config.jelly")).toList();
        assertThat(configPages).as("config.jelly files under %s", RESOURCES.toAbsolutePath()).hasSizeGreaterThan(3);

        List<String> missing = new ArrayList<>();
        for (Path page : configPages) {
            for (String field : fields(parse(page))) {
                Path help = page.resolveSibling("help-" + field + ".html");
                if (!Files.isRegularFile(help)) {
                    missing.add(page + ": field '" + field + "' has no " + help.getFileName());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The {@code field} attributes of the form's entries and nested properties, in document order. */
    private static List<String> fields(Document page) {
        List<String> fields = new ArrayList<>();
        org.w3c.dom.NodeList all = page.getElementsByTagNameNS("/lib/form", "*");
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element element = (org.w3c.dom.Element) all.item(i);
            if (element.hasAttribute("field")) {
                fields.add(element.getAttribute("field"));
            }
        }
        return fields;
    }

    @Test
    void refusesAJellyFileWithoutEscapeByDefault(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        Path unsafe = folder.resolve("unsafe.jelly");
        Files.writeString(unsafe, "<j:jelly xmlns:j=\"jelly:core\">${it.name}</j:jelly>");
        Path switchedOff = folder.resolve("off.jelly");
        Files.writeString(switchedOff, "<?jelly escape-by-default='false'?>\n<j:jelly xmlns:j=\"jelly:core\"/>");

        assertThat(escapesByDefault(parse(unsafe))).isFalse();
        assertThat(escapesByDefault(parse(switchedOff))).isFalse();
        assertThat(SourceTree.filesEndingIn(folder, ".jelly")).hasSize(2);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // Views never need a DTD; refusing one keeps the check from reaching out to the network.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(file)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static boolean escapesByDefault(Document document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof ProcessingInstruction instruction && instruction.getTarget().equals("jelly")
                    && instruction.getData().replace('"', '\'').replace(" ", "")
                            .equals("escape-by-default='true'")) {
                return true;
            }
        }
        return false;
    }
}
