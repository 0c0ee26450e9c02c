package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.score.History;
import io.clusterbench.spec.LoadedSpec;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import jenkins.MasterToSlaveFileCallable;

/**
 * Scores this build's result on the agent that holds the workspace (where the spec and its secrets resolve), with the
 * earlier builds' results the controller sent as baselines; writes the scored result.json and the reports back, and
 * prints every objective's explanation.
 */
final class ScoreOnAgent extends MasterToSlaveFileCallable<ScoreOnAgent.Scored> {
    private static final long serialVersionUID = 1L;

    /**
     * What comes back to the controller.
     *
     * @param summary the scored run, for the build action
     * @param decision the build result to set and why
     */
    record Scored(BenchmarkOutcome summary, ScoreGate.Decision decision) implements Serializable {
    }

    private final String spec;
    private final String result;
    private final ArrayList<String> baselines;
    private final ScoreGate gate;
    private final TaskListener listener;
    private final HashMap<String, Secret> secrets;

    ScoreOnAgent(String spec, String result, List<String> baselines, ScoreGate gate, TaskListener listener,
            HashMap<String, Secret> secrets) {
        this.spec = spec;
        this.result = result;
        this.baselines = new ArrayList<>(baselines);
        this.gate = gate;
        this.listener = listener;
        this.secrets = new HashMap<>(secrets);
    }

    @Override
    public Scored invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path resultFile = workspace.toPath().resolve(result);
        PrintStream console = listener.getLogger();
        Path historyDir = Files.createTempDirectory("clusterbench-baselines");
        try {
            ClusterBench engine = AgentEngine.with(secrets);
            LoadedSpec loaded = engine.load(workspace.toPath().resolve(spec));
            RunResult run = ResultFiles.read(resultFile);
            History history = History.read(writeBaselines(historyDir));
            history.warnings().forEach(w -> console.println("  baseline skipped: " + w));
            ScoreResult score = engine.score(loaded, run, history);
            RunResult scored = run.withScore(score);
            ResultFiles.write(scored, resultFile);
            engine.writeReports(scored, resultFile.getParent());
            console.println("Cluster Bench score of " + result + ": " + score.score() + " / 100, verdict "
                    + score.verdict() + ", against " + history.runs().size() + " earlier run(s)");
            for (ObjectiveResult objective : score.objectives()) {
                console.println("  " + objective.status() + " " + objective.metric() + " " + objective.pass() + ": "
                        + objective.explanation());
            }
            console.println("  " + score.explanation());
            return new Scored(BenchmarkOutcome.of(scored, result, loaded.spec().trend().metrics()),
                    gate.decide(score));
        } catch (ClusterBenchException e) {
            // The message says where and what to do; a stack trace would only hide it.
            throw new AbortException(e.getMessage());
        } finally {
            deleteQuietly(historyDir);
        }
    }

    /** One file per earlier build, numbered so that History's path order stays the builds' order. */
    private Path writeBaselines(Path dir) throws IOException {
        for (int i = 0; i < baselines.size(); i++) {
            Files.writeString(dir.resolve(String.format("baseline-%03d.json", i)), baselines.get(i),
                    StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temp folder of copies of archived results is harmless; the gate's answer matters more.
        }
    }
}
