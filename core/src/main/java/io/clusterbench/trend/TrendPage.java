package io.clusterbench.trend;

import io.clusterbench.result.TrendData;
import io.clusterbench.result.TrendModel;
import io.clusterbench.result.RunSummary;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@code trend.html}: XHTML with inline SVG, no scripts, no {@code style} attributes or elements, styled
 * only by the sibling {@code trend.css}, so that it renders under Jenkins' default Content-Security-Policy.
 */
final class TrendPage {

    /** How many of the newest runs the table lists. */
    static final int TABLE_ROWS = 20;

    /** How many chosen metrics the table shows as columns; every one has its chart. */
    private static final int TABLE_METRICS = 6;

    private TrendPage() {
    }

    static String render(TrendData data) {
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(Xml.escape(title(data))).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(TrendWriter.TREND_CSS).append("\"/>\n")
                .append("</head>\n<body>\n<h1>").append(Xml.escape(title(data))).append("</h1>\n");
        if (data.isEmpty()) {
            html.append("<p class=\"empty\">No runs found under ").append(Xml.escape(data.historyDir().toString()))
                    .append(": no folder there holds a result.json. Keep each run's output folder under it (for"
                            + " example history/&lt;runId&gt;/result.json) and build the trend again.</p>\n");
            skipped(html, data);
            return html.append("</body>\n</html>\n").toString();
        }
        summary(html, data);
        TrendModel model = data.model(); // once: every chart below draws from it
        html.append("<section>\n<h2>Score</h2>\n").append(TrendChart.score(data, model)).append(legend());
        if (data.scores().stream().allMatch(score -> score == null)) {
            html.append("<p class=\"note\">No run in this history was scored; add objectives to the spec.</p>\n");
        }
        html.append("</section>\n");
        for (String metric : data.metrics()) {
            String unit = data.unit(metric);
            html.append("<section>\n<h2>").append(Xml.escape(metric))
                    .append(unit.isEmpty() ? "" : " (" + Xml.escape(unit) + ")").append("</h2>\n");
            if (data.values(metric).stream().allMatch(value -> value == null)) {
                html.append("<p class=\"note\">No run measured ").append(Xml.escape(metric)).append(". A --metric"
                        + " must name a metric of result.json as probe.metric.</p>\n");
            } else {
                html.append(TrendChart.metric(data, model, metric));
            }
            html.append("</section>\n");
        }
        if (data.metrics().isEmpty()) {
            html.append("<p class=\"note\">No metric chosen: the runs have no objectives. Choose metrics with"
                    + " --metric probe.metric.</p>\n");
        }
        table(html, data);
        if (data.runs().size() > Downsample.MAX_POINTS) {
            html.append("<p class=\"note\">").append(data.runs().size()).append(" runs: each line draws at most ")
                    .append(Downsample.MAX_POINTS).append(" points (the lowest and highest value of each of ")
                    .append((Downsample.MAX_POINTS - 1) / 2).append(" equal slices of the history, and the newest"
                            + " run); trend.json has every run.</p>\n");
        }
        skipped(html, data);
        return html.append("</body>\n</html>\n").toString();
    }

    private static String title(TrendData data) {
        List<String> clusters = data.runs().stream().map(RunSummary::cluster).distinct().toList();
        String of = clusters.isEmpty() ? "" : clusters.size() == 1 ? " of " + clusters.get(0)
                : " of " + clusters.size() + " clusters";
        return "Cluster Bench trend" + of;
    }

    private static void summary(StringBuilder html, TrendData data) {
        List<RunSummary> runs = data.runs();
        RunSummary newest = runs.get(runs.size() - 1);
        html.append("<p class=\"summary\">").append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
                .append(" from ").append(runs.get(0).startedAt()).append(" to ").append(newest.startedAt())
                .append(" in ").append(Xml.escape(data.historyDir().toString())).append(". Newest: ")
                .append(Xml.escape(newest.runId()));
        if (newest.score() != null) {
            html.append(", score ").append(Numbers.score(newest.score()));
        }
        if (newest.verdict() != null) {
            html.append(", <span class=\"").append(verdictClass(newest.verdict())).append("\">")
                    .append(newest.verdict()).append("</span>");
        }
        html.append(".</p>\n");
    }

    private static String legend() {
        StringBuilder legend = new StringBuilder("<p class=\"legend\">");
        for (Verdict verdict : List.of(Verdict.PASS, Verdict.WARNING, Verdict.FAIL, Verdict.INCONCLUSIVE,
                Verdict.ERROR)) {
            legend.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\">"
                    + "<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"").append(TrendChart.fill(verdict))
                    .append("\"/></svg> ").append(verdict.name().toLowerCase(Locale.ROOT)).append(' ');
        }
        return legend.append("; dashed: pass and warning thresholds; gaps: runs without a score.</p>\n").toString();
    }

    private static void table(StringBuilder html, TrendData data) {
        List<String> columns = data.metrics().subList(0, Math.min(TABLE_METRICS, data.metrics().size()));
        List<RunSummary> runs = data.runs();
        int shown = Math.min(TABLE_ROWS, runs.size());
        html.append("<section>\n<h2>Last ").append(shown).append(shown == 1 ? " run" : " runs")
                .append("</h2>\n<div class=\"table-scroll\">\n<table>\n<thead><tr><th>run</th><th>started</th><th>cluster</th><th>score</th>"
                        + "<th>verdict</th>");
        for (String column : columns) {
            html.append("<th>").append(Xml.escape(column)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int i = runs.size() - 1; i >= runs.size() - shown; i--) {
            RunSummary run = runs.get(i);
            html.append("<tr><td>").append(Xml.escape(run.runId())).append("</td><td>").append(run.startedAt())
                    .append("</td><td>").append(Xml.escape(run.cluster())).append("</td><td class=\"number\">")
                    .append(run.score() == null ? "–" : Numbers.score(run.score())).append("</td>");
            if (run.verdict() == null) {
                html.append("<td>not scored</td>");
            } else {
                html.append("<td class=\"").append(verdictClass(run.verdict())).append("\">").append(run.verdict())
                        .append("</td>");
            }
            for (String column : columns) {
                Double value = run.metrics().get(column);
                html.append("<td class=\"number\">").append(value == null ? "–" : Numbers.format(value)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static void skipped(StringBuilder html, TrendData data) {
        if (data.skipped().isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>Not included</h2>\n<ul class=\"skipped\">\n");
        for (String line : data.skipped()) {
            html.append("<li>").append(Xml.escape(line)).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static String verdictClass(Verdict verdict) {
        return "verdict-" + verdict.name().toLowerCase(Locale.ROOT);
    }
}
