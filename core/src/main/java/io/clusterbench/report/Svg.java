package io.clusterbench.report;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The few SVG elements the capacity chart writes, with presentation attributes only (no {@code style}: CSP). */
final class Svg {

    static final String FONT = "sans-serif";

    private Svg() {
    }

    static void line(XMLStreamWriter xml, double x1, double y1, double x2, double y2, String stroke)
            throws XMLStreamException {
        xml.writeEmptyElement("line");
        attributes(xml, "x1", x1, "y1", y1, "x2", x2, "y2", y2, "stroke", stroke, "stroke-width", 1);
    }

    static void text(XMLStreamWriter xml, double x, double y, String anchor, int size, String content)
            throws XMLStreamException {
        xml.writeStartElement("text");
        attributes(xml, "x", x, "y", y, "text-anchor", anchor, "font-family", FONT, "font-size", size, "fill",
                "#333333");
        xml.writeCharacters(XmlText.clean(content));
        xml.writeEndElement();
    }

    /** Name and value pairs; a double is written as a coordinate with one decimal. */
    static void attributes(XMLStreamWriter xml, Object... namesAndValues) throws XMLStreamException {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            xml.writeAttribute((String) namesAndValues[i], value instanceof Double d ? SvgChart.coordinate(d)
                    : XmlText.clean(String.valueOf(value)));
        }
    }
}
