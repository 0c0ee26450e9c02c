package io.clusterbench.report;

import io.clusterbench.result.AxisScale;
import io.clusterbench.result.Numbers;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Draws percentile curves as inline SVG ({@link Svg}: presentation attributes only, so the chart shows under
 * Jenkins' Content-Security-Policy for artifacts).
 *
 * <p>x is {@code log10(1 / (1 - p))} from p0 (the minimum) to p99.99; y is linear from 0 to the first nice tick
 * ({@link AxisScale}) at or above the highest value drawn. One {@code polyline} per histogram.
 */
final class SvgChart {

    private static final int WIDTH = 720;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int PLOT_HEIGHT = 260;
    private static final int AXIS_SPACE = 50;
    private static final int LEGEND_ROW = 18;
    /** Colours that stay apart for common colour blindness, with a dash pattern each so print and grey work too. */
    private static final List<String> COLOURS = List.of("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
            "#56b4e9", "#000000", "#f0e442");
    private static final List<String> DASHES = List.of(Svg.SOLID, "6 3", "2 2", "8 3 2 3");

    private SvgChart() {
    }

    static void write(XMLStreamWriter xml, String title, PercentileCurves curves) throws XMLStreamException {
        int height = TOP + PLOT_HEIGHT + AXIS_SPACE + LEGEND_ROW * curves.curves().size() + 10;
        AxisScale yAxis = AxisScale.between(0, curves.highestValue(), AxisScale.Floor.ZERO);
        Svg.start(xml, WIDTH, height, title);
        yAxis(xml, yAxis, curves.unit());
        xAxis(xml);
        for (int i = 0; i < curves.curves().size(); i++) {
            curve(xml, curves.curves().get(i), i, yAxis);
            legend(xml, curves.curves().get(i), i, curves.unit());
        }
        xml.writeEndElement();
    }

    private static void yAxis(XMLStreamWriter xml, AxisScale axis, String unit) throws XMLStreamException {
        List<String> labels = axis.labels();
        for (int tick = 0; tick < axis.ticks().size(); tick++) {
            double y = y(axis.ticks().get(tick), axis);
            Svg.line(xml, LEFT, y, WIDTH - RIGHT, y, tick == 0 ? Svg.INK : "#dddddd");
            Svg.text(xml, LEFT - 6, y + 4, "end", 11, labels.get(tick));
        }
        Svg.axisLabel(xml, 16, TOP + PLOT_HEIGHT / 2.0, 12, "latency (" + unit + ")");
    }

    private static void xAxis(XMLStreamWriter xml) throws XMLStreamException {
        Svg.line(xml, LEFT, TOP, LEFT, TOP + PLOT_HEIGHT, Svg.INK);
        Svg.text(xml, x(0), TOP + PLOT_HEIGHT + 16, "middle", 11, "min");
        for (double percentile : PercentileCurves.KEY_PERCENTILES) {
            double x = x(PercentileCurves.xOf(percentile));
            Svg.line(xml, x, TOP, x, TOP + PLOT_HEIGHT, "#dddddd");
            Svg.text(xml, x, TOP + PLOT_HEIGHT + 16, "middle", 11, "p" + Numbers.format(percentile));
        }
        Svg.text(xml, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, TOP + PLOT_HEIGHT + 36, "middle", 11,
                "percentile (%), on a log scale of 1/(1-p)");
    }

    private static void curve(XMLStreamWriter xml, PercentileCurves.Curve curve, int index, AxisScale yAxis)
            throws XMLStreamException {
        List<String> points = curve.points().stream().map(p -> Svg.point(x(p.x()), y(p.value(), yAxis))).toList();
        Svg.polyline(xml, "curve", String.join(" ", points), colour(index), dash(index), curve.name());
    }

    private static void legend(XMLStreamWriter xml, PercentileCurves.Curve curve, int index, String unit)
            throws XMLStreamException {
        double y = TOP + PLOT_HEIGHT + AXIS_SPACE + LEGEND_ROW * index + 4;
        Svg.sample(xml, LEFT, y - 4, LEFT + 30, colour(index), dash(index));
        int p99 = PercentileCurves.KEY_PERCENTILES.indexOf(99.0);
        Svg.text(xml, LEFT + 38, y, "start", 11, curve.name() + ": " + curve.count() + " values, p99 "
                + Numbers.format(curve.keyValues().get(p99)) + " " + unit + ", max " + Numbers.format(curve.max())
                + " " + unit);
    }

    private static String colour(int index) {
        return COLOURS.get(index % COLOURS.size());
    }

    private static String dash(int index) {
        return DASHES.get(index % DASHES.size());
    }

    private static double x(double logX) {
        return LEFT + logX / PercentileCurves.MAX_X * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double value, AxisScale axis) {
        return TOP + PLOT_HEIGHT - axis.fraction(value) * PLOT_HEIGHT;
    }
}
