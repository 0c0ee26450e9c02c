package io.clusterbench.report;

import java.util.List;
import java.util.Objects;

/**
 * A report as a neutral tree of headings, paragraphs, tables and charts, so that the Markdown and the HTML file are
 * rendered from one source and can never disagree about a number.
 *
 * <p>All text in the tree is raw (unescaped); each renderer escapes for its own format.
 *
 * @param title the document title
 * @param blocks the content, in order
 */
record Doc(String title, List<Doc.Block> blocks) {

    Doc {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }

    /** How a piece of content should catch the eye; the HTML maps it to a CSS class, Markdown to a word. */
    enum Tone {
        NEUTRAL, GOOD, WARN, BAD;

        /** The CSS class the HTML uses for this tone. */
        String cssClass() {
            return "tone-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One part of a line of text. */
    sealed interface Inline permits Text, Code, Strong {
    }

    /** Plain text. */
    record Text(String text) implements Inline {
        Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An identifier or literal value, shown as code: metric names, probe ids, criteria, commands. */
    record Code(String text) implements Inline {
        Code {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Text in bold. */
    record Strong(String text) implements Inline {
        Strong {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A block of the document. */
    sealed interface Block permits Heading, Paragraph, Bullets, Table, Chart, Details, TimelineFigure,
            CapacityFigure {
    }

    /**
     * A section heading.
     *
     * @param level 1 to 4
     * @param text the heading text
     * @param anchor the id used for links inside the document
     */
    record Heading(int level, String text, String anchor) implements Block {
        Heading {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(anchor, "anchor");
        }
    }

    /** A paragraph; a non-neutral tone marks a banner (verdict, insecure hosts). */
    record Paragraph(List<Inline> parts, Tone tone) implements Block {
        Paragraph {
            parts = List.copyOf(parts);
            Objects.requireNonNull(tone, "tone");
        }
    }

    /** A bullet list; each item is one line with its tone. */
    record Bullets(List<Item> items) implements Block {
        Bullets {
            items = List.copyOf(items);
        }
    }

    /** One bullet. */
    record Item(List<Inline> parts, Tone tone) {
        Item {
            parts = List.copyOf(parts);
            Objects.requireNonNull(tone, "tone");
        }
    }

    /**
     * A table with a header row.
     *
     * @param caption what the table shows, or empty
     * @param headers the column headers
     * @param rows the rows, each with as many cells as there are headers
     */
    record Table(String caption, List<String> headers, List<List<Cell>> rows) implements Block {
        Table {
            Objects.requireNonNull(caption, "caption");
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<Cell> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("a row of table '" + caption + "' has " + row.size()
                            + " cells for " + headers.size() + " headers");
                }
            }
        }
    }

    /**
     * One table cell.
     *
     * @param parts its content
     * @param numeric whether it holds a number (right-aligned in HTML)
     * @param tone how it should catch the eye
     */
    record Cell(List<Inline> parts, boolean numeric, Tone tone) {
        Cell {
            parts = List.copyOf(parts);
            Objects.requireNonNull(tone, "tone");
        }

        static Cell text(String text) {
            return new Cell(List.of(new Text(text)), false, Tone.NEUTRAL);
        }

        static Cell code(String text) {
            return new Cell(text.isEmpty() ? List.of() : List.of(new Code(text)), false, Tone.NEUTRAL);
        }

        static Cell number(String text) {
            return new Cell(List.of(new Text(text)), true, Tone.NEUTRAL);
        }

        static Cell status(String text, Tone tone) {
            return new Cell(List.of(new Strong(text)), false, tone);
        }
    }

    /**
     * Latency percentile curves of one probe: the HTML draws them as SVG, Markdown lists their points.
     *
     * @param title what the chart shows
     * @param curves one curve per histogram
     */
    record Chart(String title, PercentileCurves curves) implements Block {
        Chart {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(curves, "curves");
        }
    }

    /**
     * Content folded away under a one-line summary: the HTML's {@code <details>} element, which opens without any
     * script; Markdown writes the same element, which GitHub renders folded too.
     *
     * @param summary the line shown while folded
     * @param blocks the folded content (no headings, so the section structure stays flat)
     */
    record Details(String summary, List<Block> blocks) implements Block {
        Details {
            Objects.requireNonNull(summary, "summary");
            blocks = List.copyOf(blocks);
            if (blocks.stream().anyMatch(b -> b instanceof Heading || b instanceof Details)) {
                throw new IllegalArgumentException("folded content holds no headings and no nested folds");
            }
        }
    }

    /**
     * A load probe's timeline: the HTML draws the charts (side by side when two), Markdown shows the summary table.
     *
     * @param caption what the charts show
     * @param charts one chart, or the before and after pair
     * @param summary the charts' gist as a table, one row per round
     */
    record TimelineFigure(String caption, List<TimelineChart> charts, Table summary) implements Block {
        TimelineFigure {
            Objects.requireNonNull(caption, "caption");
            charts = List.copyOf(charts);
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * A capacity search's curve: the HTML draws the chart with the step table folded beneath, Markdown shows the
     * step table.
     *
     * @param caption what the chart shows
     * @param chart the curve's chart
     * @param steps one row per step, by load
     */
    record CapacityFigure(String caption, CapacityChart chart, Table steps) implements Block {
        CapacityFigure {
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(chart, "chart");
            Objects.requireNonNull(steps, "steps");
        }
    }
}
