package io.clusterbench.report;

import io.clusterbench.result.OutputFiles;
import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.Bullets;
import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.CapacityFigure;
import io.clusterbench.report.Doc.Chart;
import io.clusterbench.report.Doc.TimelineFigure;
import io.clusterbench.report.Doc.Code;
import io.clusterbench.report.Doc.Details;
import io.clusterbench.report.Doc.Heading;
import io.clusterbench.report.Doc.Inline;
import io.clusterbench.report.Doc.Item;
import io.clusterbench.report.Doc.Paragraph;
import io.clusterbench.report.Doc.Strong;
import io.clusterbench.report.Doc.Table;
import io.clusterbench.report.Doc.Text;
import io.clusterbench.report.Doc.Tone;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.RunResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code audit-report.md}: GitHub-flavoured Markdown, with every value from the run escaped so that it shows
 * as text and can neither break a table nor inject markup.
 */
final class MarkdownReport implements ReportWriter {

    static final String FILE_NAME = OutputFiles.AUDIT_MARKDOWN;

    /** Rows of the curve-point table: every half decade of x, so p0, p68.4, p90, ... p99.99. */
    private static final int CHART_ROW_STEP = PercentileCurves.POINTS_PER_DECADE / 2;

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(RunResult result, OutputStream out) throws IOException {
        out.write(render(AuditReport.of(result)).getBytes(StandardCharsets.UTF_8));
    }

    static String render(Doc doc) {
        StringBuilder md = new StringBuilder();
        blocks(md, doc.blocks());
        return md.toString().stripTrailing() + "\n";
    }

    private static void blocks(StringBuilder md, List<Block> blocks) {
        for (Block block : blocks) {
            if (block instanceof Details d) {
                // GitHub folds the same element; the blank lines let the Markdown inside render as Markdown.
                md.append("<details><summary>").append(html(d.summary())).append("</summary>\n\n");
                blocks(md, d.blocks());
                md.append("</details>\n\n");
            } else if (block instanceof Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(text(h.text(), false));
            } else if (block instanceof Paragraph p) {
                md.append(p.tone() == Tone.NEUTRAL ? "" : "> ").append(inline(p.parts(), false));
            } else if (block instanceof Bullets b) {
                bullets(md, b);
            } else if (block instanceof Table t) {
                table(md, t);
            } else if (block instanceof Chart c) {
                chart(md, c);
            } else if (block instanceof TimelineFigure t) {
                table(md, t.summary());
            } else if (block instanceof CapacityFigure c) {
                table(md, c.steps());
            }
            if (!(block instanceof Details)) {
                md.append("\n\n");
            }
        }
    }

    /** Text inside raw HTML: entities for the characters HTML reads as markup, line breaks as spaces. */
    static String html(String raw) {
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replaceAll("[\\r\\n\\t]", " ");
    }

    private static void bullets(StringBuilder md, Bullets bullets) {
        for (int i = 0; i < bullets.items().size(); i++) {
            Item item = bullets.items().get(i);
            md.append(i == 0 ? "" : "\n").append("- ").append(marker(item.tone())).append(inline(item.parts(), false));
        }
    }

    /** The word that marks a failure or warning, so the difference survives without colour. */
    static String marker(Tone tone) {
        return switch (tone) {
            case BAD -> "**FAILURE** ";
            case WARN -> "**WARNING** ";
            default -> "";
        };
    }

    private static void table(StringBuilder md, Table table) {
        if (!table.caption().isEmpty()) {
            md.append('*').append(text(table.caption(), false)).append("*\n\n");
        }
        md.append('|');
        table.headers().forEach(h -> md.append(' ').append(text(h, true)).append(" |"));
        md.append("\n|");
        for (int column = 0; column < table.headers().size(); column++) {
            md.append(numeric(table, column) ? " ---: |" : " --- |");
        }
        for (List<Cell> row : table.rows()) {
            md.append("\n|");
            for (Cell cell : row) {
                String content = inline(cell.parts(), true);
                md.append(' ').append(content.isEmpty() ? " " : content).append(" |");
            }
        }
    }

    private static boolean numeric(Table table, int column) {
        return !table.rows().isEmpty() && table.rows().stream().allMatch(row -> row.get(column).numeric());
    }

    /** Markdown has no inline SVG that every viewer shows, so it lists the points the HTML draws. */
    private static void chart(StringBuilder md, Chart chart) {
        PercentileCurves curves = chart.curves();
        List<String> headers = new ArrayList<>(List.of("Percentile"));
        curves.curves().forEach(c -> headers.add(c.name() + " (" + curves.unit() + ")"));
        List<List<Cell>> rows = new ArrayList<>();
        int points = curves.curves().get(0).points().size();
        for (int i = 0; i < points; i += CHART_ROW_STEP) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.number(Numbers.format(curves.curves().get(0).points().get(i).percentile())));
            for (PercentileCurves.Curve curve : curves.curves()) {
                row.add(Cell.number(Numbers.format(curve.points().get(i).value())));
            }
            rows.add(row);
        }
        table(md, new Table(chart.title() + ": points of the percentile curves that the HTML report draws",
                headers, rows));
    }

    static String inline(List<Inline> parts, boolean inTable) {
        StringBuilder md = new StringBuilder();
        for (Inline part : parts) {
            if (part instanceof Text t) {
                md.append(text(t.text(), inTable));
            } else if (part instanceof Code c) {
                md.append(code(c.text(), inTable));
            } else if (part instanceof Strong s) {
                md.append("**").append(text(s.text(), inTable)).append("**");
            }
        }
        return md.toString();
    }

    /**
     * Escapes text so that it shows literally: every character that could start markup (emphasis, links, code,
     * raw HTML, headings, tables, entities) gets a backslash, and line breaks become spaces.
     */
    static String text(String raw, boolean inTable) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '!', '&' -> out.append('\\').append(c);
                case '\r', '\n', '\t' -> out.append(' ');
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    /**
     * A code span that holds any text: the fence is one backtick longer than the longest run inside, line breaks
     * become spaces, and inside tables {@code |} is escaped (GitHub reads {@code \|} as a pipe even in code).
     */
    static String code(String raw, boolean inTable) {
        String content = raw.replaceAll("[\\r\\n\\t]", " ").replaceAll("\\p{Cntrl}", " ");
        if (inTable) {
            content = content.replace("|", "\\|");
        }
        if (content.isEmpty()) {
            return "";
        }
        int longest = 0;
        int run = 0;
        for (char c : content.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = content.startsWith("`") || content.endsWith("`") || content.isBlank();
        return fence + (pad ? " " + content + " " : content) + fence;
    }
}
