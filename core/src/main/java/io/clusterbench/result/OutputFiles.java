package io.clusterbench.result;

/**
 * The names of the files a flow writes into its output folder, in one place, so that fronts can say where things are
 * without reaching into the roles that write them.
 */
public final class OutputFiles {
    /** The run's result. */
    public static final String RESULT_JSON = ResultFiles.RESULT_JSON;
    /** Every tuning step as it happened, one JSON line each. */
    public static final String EVIDENCE_JSONL = "evidence.jsonl";
    /** The Markdown audit report. */
    public static final String AUDIT_MARKDOWN = "audit-report.md";
    /** The HTML audit report. */
    public static final String AUDIT_HTML = "audit-report.html";
    /** The stylesheet beside the HTML audit report. */
    public static final String AUDIT_CSS = "report.css";
    /** One test case per objective and one for the gate. */
    public static final String JUNIT_XML = "junit.xml";
    /** The trend page. */
    public static final String TREND_HTML = "trend.html";
    /** The trend's data. */
    public static final String TREND_JSON = "trend.json";
    /** The stylesheet beside the trend page. */
    public static final String TREND_CSS = "trend.css";

    private OutputFiles() {
    }
}
