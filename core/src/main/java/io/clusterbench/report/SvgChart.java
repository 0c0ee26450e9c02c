package io.clusterbench.report;

import io.clusterbench.result.AxisScale;
import io.clusterbench.result.Numbers;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Draws percentile curves as inline SVG with presentation attributes only ({@code stroke}, {@code fill}, ...),
 * never a {@code style} attribute, so the chart shows under Jenkins' Content-Security-Policy for artifacts.
 *
 * <p>x is {@code log10(1 / (1 - p))} from p0 (the minimum) to p99.99; y is linear from 0 to the first nice tick
 * ({@link AxisScale}) at or above the highest value drawn. One {@code polyline} per histogram.
 */
final class SvgChart {

    static final String SVG_NS = "http://www.w3.org/2000/svg";

    private static final int WIDTH = 720;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int PLOT_HEIGHT = 260;
    private static final int AXIS_SPACE = 50;
    private static final int LEGEND_ROW = 18;
    private static final String FONT = "sans-serif";
    /** Colours that stay apart for common colour blindness, with a dash pattern each so print and grey work too. */
    private static final List<String> COLOURS = List.of("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
            "#56b4e9", "#000000", "#f0e442");
    private static final List<String> DASHES = List.of("none", "6 3", "2 2", "8 3 2 3");

    private SvgChart() {
    }

    static void write(XMLStreamWriter xml, String title, PercentileCurves curves) throws XMLStreamException {
        int height = TOP + PLOT_HEIGHT + AXIS_SPACE + LEGEND_ROW * curves.curves().size() + 10;
        AxisScale yAxis = AxisScale.between(0, curves.highestValue(), AxisScale.Floor.ZERO);
        xml.writeStartElement("svg");
        xml.writeDefaultNamespace(SVG_NS);
        attributes(xml, "width", WIDTH, "height", height, "viewBox", "0 0 " + WIDTH + " " + height, "role", "img");
        xml.writeStartElement("title");
        xml.writeCharacters(XmlText.clean(title));
        xml.writeEndElement();
        rect(xml, height);
        yAxis(xml, yAxis, curves.unit());
        xAxis(xml);
        for (int i = 0; i < curves.curves().size(); i++) {
            curve(xml, curves.curves().get(i), i, yAxis);
            legend(xml, curves.curves().get(i), i, curves.unit());
        }
        xml.writeEndElement();
    }

    private static void rect(XMLStreamWriter xml, int height) throws XMLStreamException {
        xml.writeEmptyElement("rect");
        attributes(xml, "x", 0, "y", 0, "width", WIDTH, "height", height, "fill", "#ffffff", "stroke", "none");
    }

    private static void yAxis(XMLStreamWriter xml, AxisScale axis, String unit) throws XMLStreamException {
        List<String> labels = axis.labels();
        for (int tick = 0; tick < axis.ticks().size(); tick++) {
            double y = y(axis.ticks().get(tick), axis);
            line(xml, LEFT, y, WIDTH - RIGHT, y, tick == 0 ? "#333333" : "#dddddd");
            text(xml, LEFT - 6, y + 4, "end", labels.get(tick));
        }
        double middle = TOP + PLOT_HEIGHT / 2.0;
        xml.writeStartElement("text");
        attributes(xml, "x", 16, "y", middle, "text-anchor", "middle", "font-family", FONT, "font-size", 12,
                "fill", "#333333", "transform", "rotate(-90 16 " + coordinate(middle) + ")");
        xml.writeCharacters("latency (" + XmlText.clean(unit) + ")");
        xml.writeEndElement();
    }

    private static void xAxis(XMLStreamWriter xml) throws XMLStreamException {
        line(xml, LEFT, TOP, LEFT, TOP + PLOT_HEIGHT, "#333333");
        text(xml, x(0), TOP + PLOT_HEIGHT + 16, "middle", "min");
        for (double percentile : PercentileCurves.KEY_PERCENTILES) {
            double x = x(PercentileCurves.xOf(percentile));
            line(xml, x, TOP, x, TOP + PLOT_HEIGHT, "#dddddd");
            text(xml, x, TOP + PLOT_HEIGHT + 16, "middle", "p" + Numbers.format(percentile));
        }
        text(xml, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, TOP + PLOT_HEIGHT + 36, "middle",
                "percentile (%), on a log scale of 1/(1-p)");
    }

    private static void curve(XMLStreamWriter xml, PercentileCurves.Curve curve, int index, AxisScale yAxis)
            throws XMLStreamException {
        StringBuilder points = new StringBuilder();
        for (PercentileCurves.Point point : curve.points()) {
            if (points.length() > 0) {
                points.append(' ');
            }
            points.append(coordinate(x(point.x()))).append(',').append(coordinate(y(point.value(), yAxis)));
        }
        xml.writeStartElement("polyline");
        attributes(xml, "class", "curve", "points", points.toString(), "fill", "none", "stroke", colour(index),
                "stroke-width", 2);
        String dash = DASHES.get(index % DASHES.size());
        if (!dash.equals("none")) {
            xml.writeAttribute("stroke-dasharray", dash);
        }
        xml.writeStartElement("title");
        xml.writeCharacters(XmlText.clean(curve.name()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void legend(XMLStreamWriter xml, PercentileCurves.Curve curve, int index, String unit)
            throws XMLStreamException {
        double y = TOP + PLOT_HEIGHT + AXIS_SPACE + LEGEND_ROW * index + 4;
        xml.writeEmptyElement("line");
        attributes(xml, "x1", LEFT, "y1", y - 4, "x2", LEFT + 30, "y2", y - 4, "stroke", colour(index),
                "stroke-width", 2);
        String dash = DASHES.get(index % DASHES.size());
        if (!dash.equals("none")) {
            xml.writeAttribute("stroke-dasharray", dash);
        }
        int p99 = PercentileCurves.KEY_PERCENTILES.indexOf(99.0);
        text(xml, LEFT + 38, y, "start", curve.name() + ": " + curve.count() + " values, p99 "
                + Numbers.format(curve.keyValues().get(p99)) + " " + unit + ", max " + Numbers.format(curve.max())
                + " " + unit);
    }

    private static void line(XMLStreamWriter xml, double x1, double y1, double x2, double y2, String stroke)
            throws XMLStreamException {
        xml.writeEmptyElement("line");
        attributes(xml, "x1", x1, "y1", y1, "x2", x2, "y2", y2, "stroke", stroke, "stroke-width", 1);
    }

    private static void text(XMLStreamWriter xml, double x, double y, String anchor, String content)
            throws XMLStreamException {
        xml.writeStartElement("text");
        attributes(xml, "x", x, "y", y, "text-anchor", anchor, "font-family", FONT, "font-size", 11,
                "fill", "#333333");
        xml.writeCharacters(XmlText.clean(content));
        xml.writeEndElement();
    }

    private static void attributes(XMLStreamWriter xml, Object... namesAndValues) throws XMLStreamException {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            xml.writeAttribute((String) namesAndValues[i], value instanceof Double d ? coordinate(d)
                    : XmlText.clean(String.valueOf(value)));
        }
    }

    private static String colour(int index) {
        return COLOURS.get(index % COLOURS.size());
    }

    private static double x(double logX) {
        return LEFT + logX / PercentileCurves.MAX_X * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double value, AxisScale axis) {
        return TOP + PLOT_HEIGHT - axis.fraction(value) * PLOT_HEIGHT;
    }

    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
