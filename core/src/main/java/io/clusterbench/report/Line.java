package io.clusterbench.report;

import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.Code;
import io.clusterbench.report.Doc.Inline;
import io.clusterbench.report.Doc.Item;
import io.clusterbench.report.Doc.Paragraph;
import io.clusterbench.report.Doc.Strong;
import io.clusterbench.report.Doc.Text;
import io.clusterbench.report.Doc.Tone;
import java.util.ArrayList;
import java.util.List;

/** Builds one line of mixed text, code and bold parts for a paragraph, bullet or cell. */
final class Line {
    private final List<Inline> parts = new ArrayList<>();

    private Line() {
    }

    /** A line starting with plain text. */
    static Line of(String text) {
        return new Line().text(text);
    }

    /** An empty line to add parts to. */
    static Line empty() {
        return new Line();
    }

    Line text(String text) {
        if (!text.isEmpty()) {
            parts.add(new Text(text));
        }
        return this;
    }

    Line code(String text) {
        parts.add(new Code(text));
        return this;
    }

    Line strong(String text) {
        parts.add(new Strong(text));
        return this;
    }

    /** Code parts separated by {@code separator}, or {@code none} when there are none. */
    Line codes(List<String> values, String separator, String none) {
        if (values.isEmpty()) {
            return text(none);
        }
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text(separator);
            }
            code(values.get(i));
        }
        return this;
    }

    List<Inline> parts() {
        return List.copyOf(parts);
    }

    Paragraph paragraph() {
        return new Paragraph(parts, Tone.NEUTRAL);
    }

    Paragraph paragraph(Tone tone) {
        return new Paragraph(parts, tone);
    }

    Item item(Tone tone) {
        return new Item(parts, tone);
    }

    Cell cell() {
        return new Cell(parts, false, Tone.NEUTRAL);
    }

    Cell cell(Tone tone) {
        return new Cell(parts, false, tone);
    }
}
