package io.jenkins.plugins.echarts;

import org.kohsuke.stapler.bind.JavaScriptMethod;

/** Stand-in (compile only) of echarts-api's trend chart that the page loads with JavaScript; jenkins-api.md §3.2. */
public interface AsyncTrendChart {
    @JavaScriptMethod
    String getBuildTrendModel();

    boolean isTrendVisible();
}
