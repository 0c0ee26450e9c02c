package io.clusterbench.cli;

import io.clusterbench.result.ToolInfo;
import picocli.CommandLine.IVersionProvider;

/** Prints the version that results record, so that {@code --version} and result.json agree. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        ToolInfo tool = ToolInfo.current();
        return new String[] {tool.name() + " " + tool.version() + " (Java " + tool.javaVersion() + ")"};
    }
}
