#!/usr/bin/env bash
# Times `clusterbench assert` on result.json files of 400 probes that each carry a latency histogram, in a JVM
# limited to 1 GiB of heap, and writes docs/performance-parts/assert-histograms.md. Two results:
#   large:   each HdrHistogram as large as the 64 MiB result limit allows for 400 of them: clusterbench's own
#            shape (1 us to 1 h, 3 significant digits, 23,552 buckets) with a random count of up to 2^38 in every
#            bucket, so that its compressed encoding cannot shrink (~167 KB of base64 each, 64 MB in all);
#   declared: 400 histograms of ~100 bytes each whose header asks for 5 significant digits up to 2^62
#            (6,029,312 buckets, 48 MB each once decoded): refused from the header, drawn as "not decoded".
# Target (issue 11): each under 10 s within the 1 GiB heap. Run from anywhere: bench/assert-histograms.sh
set -euo pipefail
cd "$(dirname "$0")/.."

probes="${CB_PROBES:-400}"
bits="${CB_COUNT_BITS:-38}"
repeats="${CB_REPEATS:-3}"
jar=cli/target/clusterbench.jar
[ -f "$jar" ] || mvn -B -o -q -DskipTests package -pl local,core,cli >/tmp/clusterbench-bench-histograms.log 2>&1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The generator runs on the jar's classpath for HdrHistogram and the codec the tool itself uses.
cat > "$work/GenHistograms.java" <<'JAVA'
import io.clusterbench.result.HistogramCodec;
import java.io.*;
import java.nio.file.*;
import java.util.Random;
import org.HdrHistogram.Histogram;
public class GenHistograms {
    public static void main(String[] a) throws IOException {
        Path dir = Path.of(a[0]); int probes = Integer.parseInt(a[1]); int bits = Integer.parseInt(a[2]);
        boolean declared = a[3].equals("declared");
        Random random = new Random(42);
        try (PrintWriter spec = new PrintWriter(Files.newBufferedWriter(dir.resolve("cluster.yaml")))) {
            spec.println("cluster: big\nservices:\n  cache: { type: redis, address: 127.0.0.1 }\nprobes:");
            for (int i = 0; i < probes; i++) spec.println("  p" + i + ": { service: cache, requests: 100 }");
            spec.println("objectives:");
            for (int i = 0; i < probes; i++) spec.println("  - { metric: p" + i + ".get.p99_ms, pass: \"<= 5\" }");
        }
        Histogram wide = null;
        if (declared) {
            wide = new Histogram(Long.MAX_VALUE / 2, 5);
            for (int v = 1; v <= 1000; v++) wide.recordValue(v * 1000L);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("result.json")))) {
            String t0 = "\"2026-01-01T00:00:00Z\"", t1 = "\"2026-01-01T00:00:01Z\"";
            out.print("{\"schemaVersion\":1,\"runId\":\"big\",\"cluster\":\"big\",\"specFile\":\"cluster.yaml\","
                + "\"specSha256\":\"" + "0".repeat(64) + "\",\"tool\":{\"name\":\"clusterbench\",\"version\":\"dev\","
                + "\"javaVersion\":\"17\",\"hostname\":\"h\",\"os\":\"Linux\"},\"startedAt\":" + t0 + ",\"endedAt\":"
                + t1 + ",\"insecureHosts\":[],\"probes\":[");
            for (int i = 0; i < probes; i++) {
                Histogram h = wide;
                if (!declared) {
                    h = new Histogram(3_600_000_000L, 3);
                    for (long v = 1; v < 3_600_000_000L; v = h.nextNonEquivalentValue(v)) {
                        h.recordValueWithCount(v, 1 + (long) (random.nextDouble() * ((1L << bits) - 1)));
                    }
                }
                out.print((i == 0 ? "" : ",") + "{\"probe\":\"p" + i + "\",\"kind\":\"redis\",\"target\":\"redis://x\","
                    + "\"status\":\"OK\",\"startedAt\":" + t0 + ",\"endedAt\":" + t1 + ",\"metrics\":[{\"name\":"
                    + "\"get.p99_ms\",\"value\":" + h.getValueAtPercentile(99) / 1000.0 + ",\"unit\":\"ms\",\"labels\":{}}],"
                    + "\"latencies\":[{\"name\":\"get\",\"unit\":\"us\",\"count\":" + h.getTotalCount() + ",\"min\":"
                    + h.getMinValue() + ",\"mean\":" + h.getMean() + ",\"p50\":" + h.getValueAtPercentile(50) + ",\"p90\":"
                    + h.getValueAtPercentile(90) + ",\"p99\":" + h.getValueAtPercentile(99) + ",\"p999\":"
                    + h.getValueAtPercentile(99.9) + ",\"max\":" + h.getMaxValue() + ",\"hdr\":\""
                    + HistogramCodec.encode(h) + "\"}],\"errors\":[]}");
            }
            out.print("]}");
        }
    }
}
JAVA

measure() { # kind -> "best_wall worst_wall rss_mib code load" over $repeats runs
  local kind=$1 dir="$work/$1" best="" worst=0 rss=0 code=0 load cpu=""
  mkdir -p "$dir"
  java -cp "$jar" "$work/GenHistograms.java" "$dir" "$probes" "$bits" "$kind"
  load=$(cut -d' ' -f1 /proc/loadavg)
  for _ in $(seq "$repeats"); do
    rm -rf "$dir/out"
    set +e
    /usr/bin/time -f '%e %M %U %S' -o "$dir/time" java -Xmx1g -jar "$jar" assert "$dir/result.json" --spec "$dir/cluster.yaml" \
      --out "$dir/out" >"$dir/stdout" 2>"$dir/stderr"
    code=$?
    set -e
    read -r wall kb user sys < <(tail -1 "$dir/time")
    cpu=$(awk "BEGIN {c = $user + $sys; print (\"${cpu:-}\" == \"\" || c < ${cpu:-0}) ? c : ${cpu:-0}}")
    best=$(awk "BEGIN {print ($wall < ${best:-$wall}) ? $wall : ${best:-$wall}}")
    worst=$(awk "BEGIN {print ($wall > $worst) ? $wall : $worst}")
    rss=$(( kb / 1024 > rss ? kb / 1024 : rss ))
  done
  echo "$best $worst $rss $code $load $(stat -c %s "$dir/result.json") $(stat -c %s "$dir/out/result.json")" \
    "$(grep -c 'not drawn' "$dir/out/audit-report.md" || true)" "$cpu"
}
read -r l_best l_worst l_rss l_code l_load l_bytes l_out l_notdrawn l_cpu <<<"$(measure large)"
read -r d_best d_worst d_rss d_code d_load d_bytes d_out d_notdrawn d_cpu <<<"$(measure declared)"
verdict() { awk "BEGIN {print ($1 < 10 && $2 < 70) ? \"met\" : \"missed\"}"; }

cat > docs/performance-parts/assert-histograms.md <<MD
## assert on a result of $probes large latency histograms

Measured by \`bench/assert-histograms.sh\` on $(date -u +%Y-%m-%d), on $(nproc) cores,
$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); 1-minute load
average before each case: $l_load (large), $d_load (declared). Each case ran $repeats times; the table gives the
fastest and the slowest wall clock.

Command, in a JVM with at most 1 GiB of heap:
\`java -Xmx1g -jar cli/target/clusterbench.jar assert result.json --spec cluster.yaml --out out\`, with one
objective per probe (\`pN.get.p99_ms <= 5\`).

| result.json | size | wall clock, fastest / slowest | least CPU time (user + sys) | peak resident memory | exit code |
|---|---|---|---|---|---|
| large: $probes histograms of clusterbench's shape (1 us to 1 h, 3 digits, 23,552 buckets) with a random count of up to 2^$bits in every bucket, so the encoding cannot shrink | $((l_bytes / 1048576)) MiB | **$l_best s** / $l_worst s | $l_cpu s | $l_rss MiB | $l_code |
| declared: $probes histograms of ~100 bytes whose header asks for 5 digits up to 2^62 (6,029,312 buckets, 48 MB each decoded) | $((d_bytes / 1024)) KiB | **$d_best s** / $d_worst s | $d_cpu s | $d_rss MiB | $d_code |

Target (issue 11): under 10 s within a 1 GiB heap: $(verdict "$l_best" "$l_code") (large), $(verdict "$d_best" "$d_code")
(declared). Before this change the declared case did not finish in 120 s (each of 86 percentiles per curve walked
6 million buckets, twice per histogram); the large one took 15.5 s at a load of 7.6.

What bounds it: a report draws the histograms of at most 100 probes and 12 per probe (the rest are in
result.json); each histogram's percentiles come from one pass over its buckets; a histogram whose header asks for
more than 65,536 buckets (every one of 3 significant digits fits) is refused from its header before it is decoded
and listed as not drawn ($d_notdrawn lines in the declared case's audit-report.md). The scored result.json was
written in $((l_out / 1048576)) MiB for the large case (the input was $((l_bytes / 1048576)) MiB): indented it would pass the
64 MiB the readers accept, so it is written without indentation and \`trend\` and \`history\` can read it again.
MD
cat docs/performance-parts/assert-histograms.md
