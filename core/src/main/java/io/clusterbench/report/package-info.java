/**
 * The reports of a run, written from its {@code RunResult}: {@code audit-report.md}, {@code audit-report.html}
 * (with {@code report.css}, safe under Jenkins' Content-Security-Policy) and {@code junit.xml}.
 */
package io.clusterbench.report;
