package io.clusterbench.report;

import io.clusterbench.result.OutputFiles;
import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.Bullets;
import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.CapacityFigure;
import io.clusterbench.report.Doc.Chart;
import io.clusterbench.report.Doc.Code;
import io.clusterbench.report.Doc.Details;
import io.clusterbench.report.Doc.Heading;
import io.clusterbench.report.Doc.Inline;
import io.clusterbench.report.Doc.Item;
import io.clusterbench.report.Doc.Paragraph;
import io.clusterbench.report.Doc.Strong;
import io.clusterbench.report.Doc.Table;
import io.clusterbench.report.Doc.Text;
import io.clusterbench.report.Doc.TimelineFigure;
import io.clusterbench.report.Doc.Tone;
import io.clusterbench.result.RunResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code audit-report.html}: HTML5 in XML syntax (XHTML), so that any XML parser can check it, escaped by the
 * JDK's XML writer.
 *
 * <p>It obeys Jenkins' default Content-Security-Policy for archived artifacts ({@code sandbox; default-src 'none';
 * img-src 'self'; style-src 'self';}): no script, no {@code style} attribute or element, no external URL; styling
 * comes from the sibling {@code report.css}, charts are inline SVG with presentation attributes, and tables carry
 * {@code border="1"} so that the page reads well without any CSS.
 */
final class HtmlReport implements ReportWriter {

    static final String FILE_NAME = OutputFiles.AUDIT_HTML;
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(RunResult result, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
            render(AuditReport.of(result), xml);
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
        }
        writer.flush();
    }

    static void render(Doc doc, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeDTD("<!DOCTYPE html>");
        xml.writeCharacters("\n");
        xml.writeStartElement("html");
        xml.writeDefaultNamespace(XHTML_NS);
        xml.writeAttribute("lang", "en");
        head(doc, xml);
        xml.writeStartElement("body");
        xml.writeStartElement("main");
        contents(doc, xml);
        Set<String> anchors = new HashSet<>();
        for (Block block : doc.blocks()) {
            block(block, xml, anchors);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void head(Doc doc, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("head");
        xml.writeEmptyElement("meta");
        xml.writeAttribute("charset", "utf-8");
        xml.writeEmptyElement("meta");
        xml.writeAttribute("name", "viewport");
        xml.writeAttribute("content", "width=device-width, initial-scale=1");
        xml.writeStartElement("title");
        xml.writeCharacters(XmlText.clean(doc.title()));
        xml.writeEndElement();
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", "stylesheet");
        xml.writeAttribute("href", Reports.CSS_FILE);
        xml.writeEndElement();
    }

    /** Links to the main sections, which are the level-2 headings. */
    private static void contents(Doc doc, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("nav");
        xml.writeStartElement("ul");
        for (Block block : doc.blocks()) {
            if (block instanceof Heading h && h.level() == 2) {
                xml.writeStartElement("li");
                xml.writeStartElement("a");
                xml.writeAttribute("href", "#" + anchor(h.anchor()));
                xml.writeCharacters(XmlText.clean(h.text()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void block(Block block, XMLStreamWriter xml, Set<String> anchors) throws XMLStreamException {
        if (block instanceof Heading h) {
            xml.writeStartElement("h" + h.level());
            String id = anchor(h.anchor());
            // Level-2 anchors are fixed section names; probe ids could repeat after cleaning, so number repeats.
            for (int n = 2; !anchors.add(id); n++) {
                id = anchor(h.anchor()) + "-" + n;
            }
            xml.writeAttribute("id", id);
            xml.writeCharacters(XmlText.clean(h.text()));
            xml.writeEndElement();
        } else if (block instanceof Paragraph p) {
            xml.writeStartElement("p");
            if (p.tone() != Tone.NEUTRAL) {
                xml.writeAttribute("class", "banner " + p.tone().cssClass());
            }
            inline(p.parts(), xml);
            xml.writeEndElement();
        } else if (block instanceof Bullets b) {
            xml.writeStartElement("ul");
            for (Item item : b.items()) {
                xml.writeStartElement("li");
                if (item.tone() != Tone.NEUTRAL) {
                    xml.writeAttribute("class", item.tone().cssClass());
                }
                marker(item.tone(), xml);
                inline(item.parts(), xml);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else if (block instanceof Table t) {
            table(t, xml);
        } else if (block instanceof Details d) {
            xml.writeStartElement("details");
            xml.writeStartElement("summary");
            xml.writeCharacters(XmlText.clean(d.summary()));
            xml.writeEndElement();
            for (Block inner : d.blocks()) {
                block(inner, xml, anchors);
            }
            xml.writeEndElement();
        } else if (block instanceof Chart c) {
            xml.writeStartElement("figure");
            SvgChart.write(xml, c.title(), c.curves());
            xml.writeStartElement("figcaption");
            xml.writeCharacters(XmlText.clean(c.title() + ": one curve per histogram; x is the percentile on a log "
                    + "scale of 1/(1-p), y the latency."));
            xml.writeEndElement();
            xml.writeEndElement();
        } else if (block instanceof TimelineFigure t) {
            TimelineSection.writeHtml(t, xml);
        } else if (block instanceof CapacityFigure c) {
            CapacitySection.writeHtml(c, xml, steps -> table(steps, xml));
        }
    }

    /** The same words as the Markdown, so a failure reads as one without colour. */
    private static void marker(Tone tone, XMLStreamWriter xml) throws XMLStreamException {
        String word = switch (tone) {
            case BAD -> "FAILURE";
            case WARN -> "WARNING";
            default -> null;
        };
        if (word != null) {
            xml.writeStartElement("strong");
            xml.writeCharacters(word);
            xml.writeEndElement();
            xml.writeCharacters(" ");
        }
    }

    /** A table in a box of its own that scrolls sideways when the table is wider than the page, never the page. */
    private static void table(Table table, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("div");
        xml.writeAttribute("class", "table-scroll");
        xml.writeStartElement("table");
        xml.writeAttribute("border", "1");
        if (!table.caption().isEmpty()) {
            xml.writeStartElement("caption");
            xml.writeCharacters(XmlText.clean(table.caption()));
            xml.writeEndElement();
        }
        xml.writeStartElement("thead");
        xml.writeStartElement("tr");
        for (String header : table.headers()) {
            xml.writeStartElement("th");
            xml.writeAttribute("scope", "col");
            xml.writeCharacters(XmlText.clean(header));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("tbody");
        for (List<Cell> row : table.rows()) {
            xml.writeStartElement("tr");
            for (Cell cell : row) {
                xml.writeStartElement("td");
                String classes = ((cell.numeric() ? "num " : "")
                        + (cell.tone() == Tone.NEUTRAL ? "" : cell.tone().cssClass())).trim();
                if (!classes.isEmpty()) {
                    xml.writeAttribute("class", classes);
                }
                inline(cell.parts(), xml);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void inline(List<Inline> parts, XMLStreamWriter xml) throws XMLStreamException {
        for (Inline part : parts) {
            if (part instanceof Text t) {
                xml.writeCharacters(XmlText.clean(t.text()));
            } else if (part instanceof Code c) {
                element("code", c.text(), xml);
            } else if (part instanceof Strong s) {
                element("strong", s.text(), xml);
            }
        }
    }

    private static void element(String name, String text, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }

    /** An id from any text: letters, digits, '-' and '_' kept, everything else '-'. */
    static String anchor(String text) {
        String id = text.replaceAll("[^A-Za-z0-9_-]", "-");
        return id.isEmpty() || !Character.isLetter(id.charAt(0)) ? "s-" + id : id;
    }
}
