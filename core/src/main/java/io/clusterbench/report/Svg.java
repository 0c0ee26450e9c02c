package io.clusterbench.report;

import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The SVG elements every chart of the reports writes, with presentation attributes only ({@code stroke},
 * {@code fill}, ...), never a {@code style} attribute, so the charts show under Jenkins' Content-Security-Policy for
 * artifacts. Coordinates are written with one decimal, every text through {@link XmlText}.
 */
final class Svg {

    static final String NS = "http://www.w3.org/2000/svg";
    static final String FONT = "sans-serif";
    /** The colour of axes and text. */
    static final String INK = "#333333";
    /** The dash pattern of a solid stroke: no {@code stroke-dasharray} is written. */
    static final String SOLID = "none";

    private Svg() {
    }

    /** Opens the {@code svg} element with its title and a white background; the caller closes it. */
    static void start(XMLStreamWriter xml, int width, int height, String title) throws XMLStreamException {
        xml.writeStartElement("svg");
        xml.writeDefaultNamespace(NS);
        attributes(xml, "width", width, "height", height, "viewBox", "0 0 " + width + " " + height, "role", "img");
        title(xml, title);
        xml.writeEmptyElement("rect");
        attributes(xml, "x", 0, "y", 0, "width", width, "height", height, "fill", "#ffffff", "stroke", "none");
    }

    /** A thin line: an axis, a grid line or a tick. */
    static void line(XMLStreamWriter xml, double x1, double y1, double x2, double y2, String stroke)
            throws XMLStreamException {
        xml.writeEmptyElement("line");
        attributes(xml, "x1", x1, "y1", y1, "x2", x2, "y2", y2, "stroke", stroke, "stroke-width", 1);
    }

    /** A legend's sample of a series' stroke, two units wide. */
    static void sample(XMLStreamWriter xml, double x1, double y, double x2, String stroke, String dash)
            throws XMLStreamException {
        xml.writeEmptyElement("line");
        attributes(xml, "x1", x1, "y1", y, "x2", x2, "y2", y, "stroke", stroke, "stroke-width", 2);
        dash(xml, dash);
    }

    static void text(XMLStreamWriter xml, double x, double y, String anchor, int size, String content)
            throws XMLStreamException {
        xml.writeStartElement("text");
        attributes(xml, "x", x, "y", y, "text-anchor", anchor, "font-family", FONT, "font-size", size, "fill", INK);
        xml.writeCharacters(XmlText.clean(content));
        xml.writeEndElement();
    }

    /** A y axis' label, turned to read upwards, centred on {@code middle}. */
    static void axisLabel(XMLStreamWriter xml, int x, double middle, int size, String content)
            throws XMLStreamException {
        xml.writeStartElement("text");
        attributes(xml, "x", x, "y", middle, "text-anchor", "middle", "font-family", FONT, "font-size", size, "fill",
                INK, "transform", "rotate(-90 " + x + " " + coordinate(middle) + ")");
        xml.writeCharacters(XmlText.clean(content));
        xml.writeEndElement();
    }

    /** A series' line through {@code points} ({@code x,y} pairs), two units wide, named by its tooltip. */
    static void polyline(XMLStreamWriter xml, String cssClass, String points, String stroke, String dash,
            String tooltip) throws XMLStreamException {
        xml.writeStartElement("polyline");
        attributes(xml, "class", cssClass, "points", points, "fill", "none", "stroke", stroke, "stroke-width", 2);
        dash(xml, dash);
        title(xml, tooltip);
        xml.writeEndElement();
    }

    /** The tooltip of the element just started (or the chart's title, as the root's first child). */
    static void title(XMLStreamWriter xml, String text) throws XMLStreamException {
        xml.writeStartElement("title");
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }

    /** The dash pattern of the element just started; nothing for {@link #SOLID}. */
    static void dash(XMLStreamWriter xml, String dash) throws XMLStreamException {
        if (!dash.equals(SOLID)) {
            xml.writeAttribute("stroke-dasharray", dash);
        }
    }

    /** Name and value pairs; a double is written as a coordinate with one decimal. */
    static void attributes(XMLStreamWriter xml, Object... namesAndValues) throws XMLStreamException {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            xml.writeAttribute((String) namesAndValues[i], value instanceof Double d ? coordinate(d)
                    : XmlText.clean(String.valueOf(value)));
        }
    }

    /** A point of a polyline, {@code x,y}. */
    static String point(double x, double y) {
        return coordinate(x) + "," + coordinate(y);
    }

    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
