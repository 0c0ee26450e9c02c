#!/usr/bin/env bash
# Builds the trend of 10,000 stored results (TrendBenchmark): generates them (three probes, two latency histograms
# each run, ~7 KB per result.json), then builds the trend twice, each in a fresh JVM as `clusterbench trend` would:
# first creating every run-summary.json, then from the summaries only; then again in the warmed-up JVM. Writes
# docs/performance-parts/trend.md. Target: the second build of 10,000 runs well under 2 s.
# Run from anywhere: bench/trend-10000.sh   (CB_BENCH_RUNS and CB_TARGET change the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."

export CB_BENCH_RUNS="${CB_BENCH_RUNS:-10000}"
target="${CB_TARGET:-target-bench}"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
export CB_BENCH_OUT="$out"

command=(mvn -B -o -q -pl core -am "-Dcb.target=$target" test -Dtest=TrendBenchmark -Dsurefire.failIfNoSpecifiedTests=false)
"${command[@]}" >/tmp/clusterbench-bench-trend.log 2>&1 || { tail -50 /tmp/clusterbench-bench-trend.log >&2; exit 1; }

value() { sed -n "s/^$1=//p" "$out"; }
second_ms=$(value second.build_ms)
verdict=$(awk "BEGIN {print ($second_ms < 2000) ? \"met\" : \"missed\"}")
kib() { awk "BEGIN {printf \"%.0f\", $1 / 1024}"; }

cat > docs/performance-parts/trend.md <<MD
## trend over $(value runs) runs

Measured by \`bench/trend-10000.sh\` on $(date -u +%Y-%m-%d), on $(nproc) cores,
$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); load average before the run: $load_before.

Setup: $(value runs) generated \`result.json\` files (three probes with 4-5 metrics each, two latency
histograms of 20,000 samples, one objective and a score; $(kib "$(value result_bytes_mean)") KiB each on average) in
one folder per run, written in $(value generate_s) s. Then \`Trend.build(history, List.of())\` and
\`TrendWriter.write\` (trend.json, trend.html, trend.css), each phase in a fresh JVM with the default heap
limit ($(value first.max_heap_mb) MiB), as one \`clusterbench trend\` command runs:

Command: \`${command[*]}\` (run by the script; the numbers come from \`TrendBenchmark\`).

| phase | build | write | peak heap | summaries created / reused |
|---|---|---|---|---|
| first build: reads every result.json, writes run-summary.json | $(value first.build_ms) ms | $(value first.write_ms) ms | $(value first.peak_heap_mb) MiB | $(value first.created) / $(value first.reused) |
| **second build: summaries only, fresh JVM** | **$(value second.build_ms) ms** | $(value second.write_ms) ms | $(value second.peak_heap_mb) MiB | $(value second.created) / $(value second.reused) |
| second build again, warmed-up JVM (best of 3) | $(value warm.build_ms) ms | $(value warm.write_ms) ms | $(value warm.peak_heap_mb) MiB | $(value warm.created) / $(value warm.reused) |

Second build in a fresh JVM: **$second_ms ms** (target well under 2000 ms: $verdict). A summary is
$(value summary_bytes_mean) bytes on average against $(kib "$(value result_bytes_mean)") KiB for its result, so the second build reads about
$(awk "BEGIN {printf \"%.0f\", $(value result_bytes_mean) / $(value summary_bytes_mean)}") times fewer bytes. The gap between the fresh and the warmed-up JVM is class loading and JIT warm-up, which
every CLI command pays. Outputs: trend.json $(kib "$(value trend_json_bytes)") KiB (every run), trend.html
$(kib "$(value trend_html_bytes)") KiB (each SVG line downsampled to at most 2,000 points).

Peak heap is the sum of each heap pool's peak after a \`System.gc()\` at the start of the phase: an upper bound
of the heap in use at any one moment, including garbage not yet collected. Build times include walking the
folder tree ($(value runs) folders) and are the time of \`Trend.build\` alone; write times are \`TrendWriter.write\`.
MD
cat docs/performance-parts/trend.md
