#!/usr/bin/env bash
# Times `clusterbench assert` on a result.json of 20,000 probes (10 metrics each, ~17 MB) against a spec with
# 1,000 objectives on 1,000 of those probes, in a JVM limited to 1 GiB of heap (-Xmx1g), and writes
# docs/performance-parts/assert.md. Target (issue 11): under 10 s wall clock within that heap.
# Run from anywhere: bench/assert-20000.sh   (CB_PROBES and CB_OBJECTIVES change the sizes)
set -euo pipefail
cd "$(dirname "$0")/.."

probes="${CB_PROBES:-20000}"
objectives="${CB_OBJECTIVES:-1000}"
jar=cli/target/clusterbench.jar
[ -f "$jar" ] || mvn -B -o -q -DskipTests package -pl local,core,cli >/tmp/clusterbench-bench-assert.log 2>&1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# The generator is plain Java (no dependencies), so the bench needs nothing a build machine lacks.
cat > "$work/Gen.java" <<'JAVA'
import java.io.*;
import java.nio.file.*;
public class Gen {
    public static void main(String[] a) throws IOException {
        Path dir = Path.of(a[0]); int probes = Integer.parseInt(a[1]); int objectives = Integer.parseInt(a[2]);
        String[] names = {"get.p50_ms","get.p99_ms","get.p999_ms","set.p50_ms","set.p99_ms","ops_per_sec","errors",
            "used_memory","clients","hit_ratio"};
        try (PrintWriter spec = new PrintWriter(Files.newBufferedWriter(dir.resolve("cluster.yaml")))) {
            spec.println("cluster: big\nservices:\n  cache: { type: redis, address: 127.0.0.1 }\nprobes:");
            for (int i = 0; i < objectives; i++) spec.println("  p" + i + ": { service: cache, requests: 100 }");
            spec.println("objectives:");
            for (int i = 0; i < objectives; i++) spec.println("  - { metric: p" + i + ".get.p99_ms, pass: \"<= 5\" }");
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("result.json")))) {
            String t0 = "\"2026-01-01T00:00:00Z\"", t1 = "\"2026-01-01T00:00:01Z\"";
            out.print("{\"schemaVersion\":1,\"runId\":\"big\",\"cluster\":\"big\",\"specFile\":\"cluster.yaml\","
                + "\"specSha256\":\"" + "0".repeat(64) + "\",\"tool\":{\"name\":\"clusterbench\",\"version\":\"dev\","
                + "\"javaVersion\":\"17\",\"hostname\":\"h\",\"os\":\"Linux\"},\"startedAt\":" + t0 + ",\"endedAt\":"
                + t1 + ",\"insecureHosts\":[],\"probes\":[");
            for (int i = 0; i < probes; i++) {
                out.print((i == 0 ? "" : ",") + "{\"probe\":\"p" + i + "\",\"kind\":\"redis\",\"target\":\"redis://x\","
                    + "\"status\":\"OK\",\"startedAt\":" + t0 + ",\"endedAt\":" + t1 + ",\"metrics\":[");
                for (int m = 0; m < names.length; m++) {
                    out.print((m == 0 ? "" : ",") + "{\"name\":\"" + names[m] + "\",\"value\":" + (1 + (i + m) % 4)
                        + ".5,\"unit\":\"ms\",\"labels\":{}}");
                }
                out.print("],\"latencies\":[],\"errors\":[]}");
            }
            out.print("]}");
        }
    }
}
JAVA
java "$work/Gen.java" "$work" "$probes" "$objectives"
bytes=$(stat -c %s "$work/result.json")
command=(java -Xmx1g -jar "$jar" assert "$work/result.json" --spec "$work/cluster.yaml" --out "$work/out")
set +e
/usr/bin/time -f '%e %M' -o "$work/time" "${command[@]}" >"$work/stdout" 2>"$work/stderr"
code=$?
set -e
read -r wall_s rss_kb < "$work/time"
verdict=$(awk "BEGIN {print ($wall_s < 10 && $code < 70) ? \"met\" : \"missed\"}")

cat > docs/performance-parts/assert.md <<MD
## assert on a result of $probes probes

Measured by \`bench/assert-20000.sh\` on $(date -u +%Y-%m-%d), on $(nproc) cores,
$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); load average before the run: $load_before.

Setup: a generated result.json of $probes probes with 10 metrics each ($((bytes / 1048576)) MiB) and a spec with
$objectives objectives on $objectives of those probes. Command, in a JVM with at most 1 GiB of heap:
\`java -Xmx1g -jar cli/target/clusterbench.jar assert result.json --spec cluster.yaml --out out\`
(it reads the result, scores it, writes result.json, audit-report.md/.html and junit.xml).

| wall clock | peak resident memory | exit code |
|---|---|---|
| **$wall_s s** | $((rss_kb / 1024)) MiB | $code |

Target (issue 11): under 10 s within a 1 GiB heap: $verdict. Issue 11 measured 86 s and 4.8 GB before; the
readers now refuse a result.json over 64 MiB before reading it, so the largest result one command reads is
bounded, and looking up an objective's probe no longer allocates per probe.
MD
cat docs/performance-parts/assert.md
