#!/usr/bin/env bash
# Times `clusterbench assert --history` with a relative objective against two history folders, in a JVM limited
# to 1 GiB of heap, and writes docs/performance-parts/assert-history.md:
#   many:  1,200 small runs (3 probes, 10 metrics each, ~5 KB): past the budget of 1,000 runs;
#   large: 3 runs of ~50 MiB each (65,000 probes): past the budget of 128 MiB.
# Both are read newest first (by file time) up to the budget, with one warning line for the rest.
# Run from anywhere: bench/assert-history.sh   (CB_RUNS, CB_LARGE_PROBES, CB_REPEATS change the sizes)
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${CB_RUNS:-1200}"
large_probes="${CB_LARGE_PROBES:-65000}"
repeats="${CB_REPEATS:-3}"
jar=cli/target/clusterbench.jar
[ -f "$jar" ] || mvn -B -o -q -DskipTests package -pl local,core,cli >/tmp/clusterbench-bench-history.log 2>&1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/GenHistory.java" <<'JAVA'
import java.io.*;
import java.nio.file.*;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
public class GenHistory {
    static final String[] NAMES = {"get.p50_ms","get.p99_ms","get.p999_ms","set.p50_ms","set.p99_ms","ops_per_sec",
        "errors","used_memory","clients","hit_ratio"};
    public static void main(String[] a) throws IOException {
        Path dir = Path.of(a[0]); int runs = Integer.parseInt(a[1]); int probes = Integer.parseInt(a[2]);
        Files.createDirectories(dir);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int r = 0; r < runs; r++) {
            Instant start = base.plusSeconds(3600L * r);
            Path file = dir.resolve("run-" + r).resolve("result.json");
            Files.createDirectories(file.getParent());
            write(file, "run-" + r, start, probes, r);
            Files.setLastModifiedTime(file, FileTime.from(start.plusSeconds(60)));
        }
    }
    static void write(Path file, String runId, Instant start, int probes, int seed) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            String t0 = "\"" + start + "\"", t1 = "\"" + start.plusSeconds(1) + "\"";
            out.print("{\"schemaVersion\":1,\"runId\":\"" + runId + "\",\"cluster\":\"big\",\"specFile\":\"cluster.yaml\","
                + "\"specSha256\":\"" + "0".repeat(64) + "\",\"tool\":{\"name\":\"clusterbench\",\"version\":\"dev\","
                + "\"javaVersion\":\"17\",\"hostname\":\"h\",\"os\":\"Linux\"},\"startedAt\":" + t0 + ",\"endedAt\":"
                + t1 + ",\"insecureHosts\":[],\"probes\":[");
            for (int i = 0; i < probes; i++) {
                out.print((i == 0 ? "" : ",") + "{\"probe\":\"p" + i + "\",\"kind\":\"redis\",\"target\":\"redis://x\","
                    + "\"status\":\"OK\",\"startedAt\":" + t0 + ",\"endedAt\":" + t1 + ",\"metrics\":[");
                for (int m = 0; m < NAMES.length; m++) {
                    out.print((m == 0 ? "" : ",") + "{\"name\":\"" + NAMES[m] + "\",\"value\":" + (1 + (i + m + seed) % 4)
                        + ".5,\"unit\":\"ms\",\"labels\":{}}");
                }
                out.print("],\"latencies\":[],\"errors\":[]}");
            }
            out.print("]}");
        }
    }
}
JAVA
cat > "$work/cluster.yaml" <<'YAML'
cluster: big
services:
  cache: { type: redis, address: 127.0.0.1 }
probes:
  p0: { service: cache, requests: 100 }
  p1: { service: cache, requests: 100 }
  p2: { service: cache, requests: 100 }
objectives:
  - { metric: p0.get.p99_ms, pass: "<= +10%" }
  - { metric: p1.get.p99_ms, pass: "<= +10%" }
  - { metric: p2.set.p99_ms, pass: "<= +10%" }
baseline: { from: previous }
YAML
java "$work/GenHistory.java" "$work/many" "$runs" 3
java "$work/GenHistory.java" "$work/large" 3 "$large_probes"
java "$work/GenHistory.java" "$work/current" 1 3
sed -i 's/"runId":"run-0"/"runId":"current"/; s/2026-01-01T00/2027-01-01T00/g' "$work/current/run-0/result.json"

measure() { # history -> "best worst rss code load warning"
  local history=$1 best="" worst=0 rss=0 code=0 load cpu=""
  load=$(cut -d' ' -f1 /proc/loadavg)
  for _ in $(seq "$repeats"); do
    rm -rf "$work/out"
    set +e
    /usr/bin/time -f '%e %M %U %S' -o "$work/time" java -Xmx1g -jar "$jar" assert "$work/current/run-0/result.json" \
      --spec "$work/cluster.yaml" --history "$history" --out "$work/out" >"$work/stdout" 2>"$work/stderr"
    code=$?
    set -e
    read -r wall kb user sys < <(tail -1 "$work/time")
    cpu=$(awk "BEGIN {c = $user + $sys; print (\"${cpu:-}\" == \"\" || c < ${cpu:-0}) ? c : ${cpu:-0}}")
    best=$(awk "BEGIN {print ($wall < ${best:-$wall}) ? $wall : ${best:-$wall}}")
    worst=$(awk "BEGIN {print ($wall > $worst) ? $wall : $worst}")
    rss=$(( kb / 1024 > rss ? kb / 1024 : rss ))
  done
  cp "$work/stdout" "$work/stdout-$(basename "$history")"
  echo "$best $worst $rss $code $load $cpu"
}
read -r m_best m_worst m_rss m_code m_load m_cpu <<<"$(measure "$work/many")"
read -r g_best g_worst g_rss g_code g_load g_cpu <<<"$(measure "$work/large")"
m_bytes=$(du -sb "$work/many" | cut -f1)
g_bytes=$(du -sb "$work/large" | cut -f1)
line() { grep -m1 "$1" "$work/stdout-$2" | sed 's|'"$work"'/||g'; }

cat > docs/performance-parts/assert-history.md <<MD
## assert with a history past its budget

Measured by \`bench/assert-history.sh\` on $(date -u +%Y-%m-%d), on $(nproc) cores,
$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); 1-minute load
average before each case: $m_load (many), $g_load (large). Each case ran $repeats times; the table gives the fastest
and the slowest wall clock.

Command, in a JVM with at most 1 GiB of heap, for a result of 3 probes and a spec with three relative objectives
(\`<= +10%\`, \`baseline: { from: previous }\`):
\`java -Xmx1g -jar cli/target/clusterbench.jar assert result.json --spec cluster.yaml --history HISTORY --out out\`

| history | files | wall clock, fastest / slowest | least CPU time (user + sys) | peak resident memory | exit code |
|---|---|---|---|---|---|
| many: $runs runs of 3 probes | $((m_bytes / 1048576)) MiB | **$m_best s** / $m_worst s | $m_cpu s | $m_rss MiB | $m_code |
| large: 3 runs of $large_probes probes | $((g_bytes / 1048576)) MiB | **$g_best s** / $g_worst s | $g_cpu s | $g_rss MiB | $g_code |

A history read takes at most 1,000 runs and 128 MiB of files, newest first by file time, and says what it left:

- many: \`$(line 'unread' many)\`, then \`$(line 'earlier runs' many)\`
- large: \`$(line 'unread' large)\`, then \`$(line 'earlier runs' large)\`

Budget (docs/reliability.md): within 1 GiB of heap and under 10 s on this machine when it is quiet.
MD
cat docs/performance-parts/assert-history.md
