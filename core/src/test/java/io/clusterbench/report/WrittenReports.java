package io.clusterbench.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Test helper: the files {@link Reports#write} wrote, read back and parsed with the JDK's XML parser. */
final class WrittenReports {
    static final String XHTML = HtmlReport.XHTML_NS;
    static final String SVG = Svg.NS;

    final Path dir;
    final String markdown;
    final String html;
    final String junit;
    final Document htmlDom;
    final Document junitDom;

    WrittenReports(Path dir) throws Exception {
        this.dir = dir;
        this.markdown = read(Reports.MARKDOWN_FILE);
        this.html = read(Reports.HTML_FILE);
        this.junit = read(Reports.JUNIT_FILE);
        // Parsing fails on any markup that is not well-formed, which is the point.
        this.htmlDom = parse(html);
        this.junitDom = parse(junit);
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    List<Element> html(String tag) {
        return elements(htmlDom.getElementsByTagNameNS(XHTML, tag));
    }

    List<Element> svg(String tag) {
        return elements(htmlDom.getElementsByTagNameNS(SVG, tag));
    }

    static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    static List<Element> children(Element parent, String namespace, String tag) {
        return elements(parent.getElementsByTagNameNS(namespace, tag));
    }

    /** The text of everything between the heading with this id and the next heading of the same level. */
    String section(String id) {
        Element heading = html("h2").stream().filter(h -> h.getAttribute("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + id));
        StringBuilder text = new StringBuilder();
        for (Node node = heading.getNextSibling(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getLocalName().equals("h2")) {
                break;
            }
            text.append(node.getTextContent()).append('\n');
        }
        return text.toString();
    }

    /** The HTML table with a caption starting with the given text. */
    Element table(String captionStart) {
        return html("table").stream()
                .filter(t -> children(t, XHTML, "caption").stream()
                        .anyMatch(c -> c.getTextContent().startsWith(captionStart)))
                .findFirst().orElseThrow(() -> new AssertionError("no table captioned " + captionStart));
    }

    /** The body rows of a table, each as its cells' text. */
    static List<List<String>> rows(Element table) {
        List<List<String>> rows = new ArrayList<>();
        Element body = children(table, XHTML, "tbody").get(0);
        for (Element row : children(body, XHTML, "tr")) {
            rows.add(children(row, XHTML, "td").stream().map(Node::getTextContent).toList());
        }
        return rows;
    }
}
