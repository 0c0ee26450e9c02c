package io.clusterbench.tune.vllm;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.spec.ServiceSpec;
import io.clusterbench.tune.ActionContext;
import io.clusterbench.tune.ActionPlan;
import io.clusterbench.tune.ActionState;
import io.clusterbench.tune.TuningAction;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code vllm-gpu-memory}: a check, never a change. It reads the running server's real
 * {@code gpu_memory_utilization} from {@code vllm:cache_config_info} on {@code /metrics} and reports whether it is
 * the wanted value. vLLM sizes its KV cache from that value once, at start ({@code --gpu-memory-utilization}), so a
 * new value needs a restart; {@code torch.cuda.set_per_process_memory_fraction} run in another process (as in
 * {@code docker exec ... python3 -c ...}) only limits that short-lived process and changes nothing in the server.
 */
public final class VllmGpuMemoryAction implements TuningAction {

    static final String KEY = "gpu_memory_utilization";
    static final String WHY = "nothing was changed: vLLM fixes it at start (--gpu-memory-utilization), and"
            + " torch.cuda.set_per_process_memory_fraction run in another process changes nothing in the running"
            + " server";
    /** Label values are written by Python's str(float); anything closer than this is the same setting. */
    private static final double SAME = 1e-9;

    @Override
    public ActionPlan plan(ActionContext context) throws ClusterBenchException {
        Reading reading = read(context);
        return new ActionPlan(reading.url().toString(), Map.of(KEY, reading.value()), Map.of(KEY, reading.wanted()),
                List.of(), ActionPlan.Change.CHECK_ONLY, false, reading.sentence());
    }

    @Override
    public ActionState apply(ActionContext context, ActionPlan plan) throws ClusterBenchException {
        // Only reads again: the check's result is the server's value now, not the one the plan saw.
        Reading reading = read(context);
        return new ActionState(Map.of(KEY, reading.value()), reading.matches(), reading.sentence());
    }

    @Override
    public ActionState rollback(ActionContext context, ActionPlan plan) {
        // A check changes nothing, so there is nothing to restore; the runner never calls this for a check.
        return new ActionState(plan.before(), true, "a check changes nothing; nothing to roll back");
    }

    private static Reading read(ActionContext context) throws ClusterBenchException {
        ServiceSpec service = context.cluster().services().get(context.action().target());
        double want = context.action().parameters().optionalDouble("want").orElseThrow(
                () -> new IllegalStateException("a vllm-gpu-memory action without want passed the spec checks"));
        Optional<String> apiKey = service.secret().isPresent()
                ? Optional.of(context.secrets().resolve(service.secret().get())) : Optional.empty();
        URI url = URI.create(root(service) + "/metrics");
        String where = "openai service '" + service.id() + "'";
        String text = MetricsPage.get(url, apiKey, where);
        List<Map<String, String>> series = CacheConfigInfo.labelSets(text);
        if (series.isEmpty()) {
            throw new ClusterBenchException(Kind.REMOTE, "no " + CacheConfigInfo.METRIC + " in " + url + " of " + where
                    + ": is this a vLLM server, and a version that publishes it? Without it the running value cannot"
                    + " be read; look for --gpu-memory-utilization on the server's command line instead");
        }
        List<String> values = series.stream().map(labels -> labels.get(KEY)).distinct().toList();
        if (values.contains(null)) {
            throw new ClusterBenchException(Kind.REMOTE, CacheConfigInfo.METRIC + " in " + url + " of " + where
                    + " has no " + KEY + " label; look for --gpu-memory-utilization on the server's command line");
        }
        boolean matches = values.stream().allMatch(value -> same(value, want));
        return new Reading(service.id(), url, String.join(", ", values), values.size(), plain(want), matches);
    }

    private static boolean same(String value, double want) {
        try {
            return Math.abs(Double.parseDouble(value) - want) < SAME;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code 0.9}, not {@code 0.90000000000000002}. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** OpenAI-compatible urls are often written with {@code /v1}; {@code /metrics} sits at the server's root. */
    private static String root(ServiceSpec service) {
        String text = service.url().orElseThrow(
                () -> new IllegalStateException("an openai service without url passed the spec checks")).toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.endsWith("/v1") ? text.substring(0, text.length() - 3) : text;
    }

    /** What one read of /metrics found. */
    private record Reading(String service, URI url, String value, int distinctValues, String wanted,
            boolean matches) {

        String sentence() {
            String found = "'" + service + "' runs with " + KEY + " " + value + " (read from "
                    + CacheConfigInfo.METRIC + " on " + url + (distinctValues > 1 ? ", engines differ" : "") + ")";
            return matches
                    ? found + ", the wanted " + wanted + "; " + WHY
                    : found + ", not the wanted " + wanted + "; " + WHY
                            + ": restart it with --gpu-memory-utilization " + wanted;
        }
    }
}
