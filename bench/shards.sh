#!/usr/bin/env bash
# Checks that shards add up: the merged throughput of 2 shards against a target that one shard cannot saturate is at
# least 1.8 times one shard's (issue 15). The target is the private nginx balancer (LocalClusterMain) behind the
# delay proxy (DelayProxyMain), which holds every answer for a fixed delay, so each connection of the closed model
# waits about that long per request and a shard's few connections, not nginx, bound its rate.
# After one unrecorded warm-up run, each round, one after the other:
#   one:  shard 1/2 alone (`benchmark --shard 1/2`): the spec's concurrency halved, its own requests_per_s
#   two:  a `clusterbench coordinate` process, then shards 1/2 and 2/2 as two JVMs with one --run-id, one --start-at
#         and --coordinator, at the same time; then `clusterbench merge --spec` and the merged requests_per_s
# Writes docs/performance-parts/shards.md, then bench/assemble-performance.sh.
#
# Usage: bench/shards.sh [--seconds S] [--rounds R] [--delay-us D] [--connections C] [--dir DIR]
#   --seconds S      each benchmark's measured length (after a 1 s warm-up); default 20
#   --rounds R       rounds of (one, two); default 3
#   --delay-us D     the proxy's delay on every answer, in microseconds; default 50000 (50 ms)
#   --connections C  the closed model's connections per shard; default 4 (the spec has 2 x C)
#   --dir DIR        work folder for the servers, specs and results (kept afterwards); default a new temp folder
# Exit code: 0 when the ratio met the target, 1 when it did not or a run failed, 2 on bad usage, 3 when a tool or
# server is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=20
rounds=3
delay_us=50000
connections=4
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --delay-us) delay_us=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --dir) work=$2; shift 2 ;;
    *) echo "unknown option $1; see the usage at the top of $0" >&2; exit 2 ;;
  esac
done
for pair in "seconds:$seconds" "rounds:$rounds" "delay-us:$delay_us" "connections:$connections"; do
  case "${pair#*:}" in
    ''|*[!0-9]*|0) echo "--${pair%%:*} needs a whole number >= 1, got '${pair#*:}'" >&2; exit 2 ;;
  esac
done
target_ratio=1.8
# How far ahead the coordinator's start instant is: two JVMs must start and check their clocks before it, and a shard
# more than 1 s late refuses.
start_in=10

if ! command -v jq >/dev/null 2>&1; then
  echo "jq not found; installing it (apt-get install -y jq)"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y jq; else sudo apt-get install -y jq; fi
fi
for tool in redis-server nginx sshd; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || {
    echo "$tool is missing (LocalClusterMain starts it): apt-get install -y redis-server nginx openssh-server" >&2
    exit 3; }
done

jar=cli/target/clusterbench.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -type f -print -quit)" ]; then
  echo "building (mvn -B -o -q package -DskipTests -pl cli -am)"
  mvn -B -o -q package -DskipTests -pl cli -am >/tmp/clusterbench-bench-shards-build.log 2>&1 \
    || { tail -50 /tmp/clusterbench-bench-shards-build.log >&2; exit 1; }
fi

if [ -z "$work" ]; then
  work=$(mktemp -d /tmp/clusterbench-shards-XXXXXX)
else
  mkdir -p "$work"
  work=$(cd "$work" && pwd)
fi
control="$work/delay-us"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

cluster_pid=""
proxy_pid=""
coordinator_pid=""
cleanup() {
  local status=$?
  # SIGTERM: each JVM's shutdown hook closes its sockets or stops its servers before it exits.
  for pid in $coordinator_pid $proxy_pid $cluster_pid; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in $coordinator_pid $proxy_pid $cluster_pid; do
    wait "$pid" 2>/dev/null || true
  done
  echo "stopped the coordinator, the proxy and the servers; specs, results and logs are kept in $work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Waits until a background process has written a line matching $1 into $2 (a script waiting on a process, not a
# test: polling is the only way a shell can wait for a line).
await_line() {
  local pattern=$1 file=$2 pid=$3 tries=0
  until grep -q -- "$pattern" "$file" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the process writing $file exited; it ends:" >&2; tail -20 "$file" >&2; exit 3
    fi
    tries=$((tries + 1))
    if [ "$tries" -gt 600 ]; then echo "no '$pattern' in $file after 60 s" >&2; exit 3; fi
    sleep 0.1
  done
}

echo "work folder: $work"
java -cp "$jar" io.clusterbench.local.LocalClusterMain "$work/cluster" >"$work/cluster.log" 2>&1 &
cluster_pid=$!
await_line . "$work/cluster/servers.env" "$cluster_pid"
# shellcheck source=/dev/null
source "$work/cluster/servers.env"

echo "$delay_us" > "$control"
java -cp "$jar" io.clusterbench.local.DelayProxyMain --target "127.0.0.1:$CB_NGINX_PORT" --control "$control" \
  --port-file "$work/proxy.port" >"$work/proxy.log" 2>&1 &
proxy_pid=$!
await_line . "$work/proxy.port" "$proxy_pid"
proxy_port=$(cat "$work/proxy.port")
echo "delay proxy on 127.0.0.1:$proxy_port -> nginx 127.0.0.1:$CB_NGINX_PORT, $delay_us us on every answer"

spec="$work/cluster.yaml"
cat > "$spec" <<YAML
# bench/shards.sh: a closed model whose rate the connections bound, not the server; split over 2 shards.
cluster: bench-shards
services:
  lb: { type: http, url: "http://127.0.0.1:$proxy_port/health" }
probes:
  lb: { service: lb, concurrency: $((2 * connections)), duration: ${seconds}s, warmup: 1s }
objectives:
  - { metric: lb.error_pct, pass: "<= 0", key: true }
YAML

rate_of() { jq -r '.probes[0].metrics[] | select(.name == "requests_per_s") | .value' "$1"; }
count_of() { jq -r '.probes[0].metrics[] | select(.name == "requests") | .value' "$1"; }

# The proxy is a fresh JVM whose first thousands of answers run interpreted and slower; the first "one" should not
# absorb that alone. One unrecorded run of the whole spec (both shards' connections) warms it up.
echo "warming the proxy up (the whole spec once, not recorded)"
bin/clusterbench benchmark "$spec" --out "$work/warm-up" >"$work/warm-up.log" 2>&1 \
  || { echo "the warm-up benchmark failed; see $work/warm-up.log" >&2; tail -20 "$work/warm-up.log" >&2; exit 1; }

: > "$work/rounds.tsv"
failed=0
for round in $(seq "$rounds"); do
  dir="$work/round-$round"
  mkdir -p "$dir"
  echo "== round $round of $rounds"

  load1=$(cut -d' ' -f1 /proc/loadavg)
  bin/clusterbench benchmark "$spec" --shard 1/2 --run-id "one-$round" --out "$dir/one" >"$dir/one.log" 2>&1 \
    || { echo "shard 1/2 alone failed; see $dir/one.log" >&2; tail -20 "$dir/one.log" >&2; failed=1; break; }
  one=$(rate_of "$dir/one/result.json")
  echo "  one shard:  $one req/s"

  bin/clusterbench coordinate --port 0 --bind 127.0.0.1 --start-in "$start_in" >"$dir/coordinate.log" 2>&1 &
  coordinator_pid=$!
  await_line "start every shard with" "$dir/coordinate.log" "$coordinator_pid"
  line=$(grep "start every shard with" "$dir/coordinate.log")
  coordinator_port=$(sed -n 's/^Serving the clock on [^ ]*:\([0-9]*\);.*/\1/p' <<<"$line")
  start_at=$(sed -n 's/.* --start-at \([^ ]*\)$/\1/p' <<<"$line")
  pids=()
  for i in 1 2; do
    bin/clusterbench benchmark "$spec" --shard "$i/2" --run-id "two-$round" --start-at "$start_at" \
      --coordinator "127.0.0.1:$coordinator_port" --out "$dir/shard$i" >"$dir/shard$i.log" 2>&1 &
    pids+=($!)
  done
  shard_failed=0
  for i in 1 2; do
    wait "${pids[$((i - 1))]}" || { echo "shard $i/2 failed; see $dir/shard$i.log" >&2;
      tail -20 "$dir/shard$i.log" >&2; shard_failed=1; }
  done
  kill -TERM "$coordinator_pid" 2>/dev/null || true
  wait "$coordinator_pid" 2>/dev/null || true
  coordinator_pid=""
  [ "$shard_failed" -eq 0 ] || { failed=1; break; }

  bin/clusterbench merge "$dir/shard1" "$dir/shard2" --spec "$spec" --out "$dir/merged" >"$dir/merge.log" 2>&1 \
    || { echo "merge failed; see $dir/merge.log" >&2; tail -20 "$dir/merge.log" >&2; failed=1; break; }
  two=$(rate_of "$dir/merged/result.json")
  s1=$(rate_of "$dir/shard1/result.json")
  s2=$(rate_of "$dir/shard2/result.json")
  merged_count=$(count_of "$dir/merged/result.json")
  count_sum=$(awk "BEGIN {print $(count_of "$dir/shard1/result.json") + $(count_of "$dir/shard2/result.json")}")
  clocks=$(jq -r '[.shards[] | "\(.index)/\(.count) \(.clock.offsetMs * 1000 | round / 1000) ms (rt \(.clock.roundTripMs * 1000 | round / 1000) ms)"] | join(", ")' "$dir/merged/result.json")
  ratio=$(awk "BEGIN {printf \"%.2f\", $two / $one}")
  echo "  two shards: $two req/s merged ($s1 + $s2), $ratio x one; requests $merged_count = $count_sum; clocks: $clocks"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$one" "$s1" "$s2" "$two" "$ratio" "$merged_count" \
    "$count_sum" "$clocks" "$load1" >> "$work/rounds.tsv"
done
[ "$failed" -eq 0 ] || { echo "a run failed; docs/performance-parts/shards.md is left as it was" >&2; exit 1; }

mean_one=$(awk -F'\t' '{s += $2} END {printf "%.1f", s / NR}' "$work/rounds.tsv")
mean_two=$(awk -F'\t' '{s += $5} END {printf "%.1f", s / NR}' "$work/rounds.tsv")
ratio=$(awk -F'\t' '{one += $2; two += $5} END {printf "%.2f", two / one}' "$work/rounds.tsv")
met=$(awk "BEGIN {print ($ratio >= $target_ratio) ? \"met\" : \"missed\"}")
counts_add=$(awk -F'\t' '$7 != $8 {bad = 1} END {print bad ? "no" : "yes"}' "$work/rounds.tsv")
# The most one shard's connections can send, if nginx answered at once: connections / delay.
ceiling=$(awk "BEGIN {printf \"%.0f\", $connections / ($delay_us / 1000000)}")
rows=$(awk -F'\t' '{printf "| %s | %.1f | %.1f | %.1f | %.1f | %.2f | %s = %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10}' \
  "$work/rounds.tsv")
smoke=""
if [ "$seconds" -lt 20 ] || [ "$rounds" -lt 3 ]; then
  smoke="**Smoke run** (${seconds} s, $rounds round(s), on a loaded machine): these numbers show that the script works;
a run with the defaults (20 s, 3 rounds) on a quiet machine replaces them."
fi
command_line="bench/shards.sh --seconds $seconds --rounds $rounds --delay-us $delay_us --connections $connections"

cat > docs/performance-parts/shards.md <<MD
## Shards: 2 against 1

Measured by \`$command_line\` on $(date -u +%Y-%m-%d), on $(nproc) cores,
$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1),
$(nginx -v 2>&1 | sed 's/.*: //'); load average before the run: $load_before.

$smoke

Setup: the private nginx balancer (\`LocalClusterMain\`) behind the delay proxy (\`DelayProxyMain\`), which holds
every answer for $delay_us µs, all on 127.0.0.1. The spec's one probe is the closed model
\`{ concurrency: $((2 * connections)), duration: ${seconds}s, warmup: 1s }\`, so each of the 2 shards keeps $connections
connections, each waiting about $((delay_us / 1000)) ms per request: one shard cannot send more than about
$ceiling req/s, far below what nginx answers, and a second shard's connections add their own. After one unrecorded run
of the whole spec (the proxy is a fresh JVM and warms up), in each round, one after the other:

- **one**: \`clusterbench benchmark cluster.yaml --shard 1/2 --run-id one-R\` alone; its \`requests_per_s\`
- **two**: \`clusterbench coordinate --port 0 --start-in $start_in\`, then both shards as separate JVMs at the same time,
  \`clusterbench benchmark cluster.yaml --shard I/2 --run-id two-R --start-at INSTANT --coordinator 127.0.0.1:PORT\`,
  then \`clusterbench merge shard1 shard2 --spec cluster.yaml\`; the merged \`requests_per_s\` (the shards' requests
  over their common window)

| round | one shard (req/s) | two: shard 1/2 (req/s) | two: shard 2/2 (req/s) | two: merged (req/s) | merged / one | merged requests = sum of the shards' | clock offsets to the coordinator | load1 at start |
|---|---|---|---|---|---|---|---|---|
$rows

**Merged throughput of 2 shards / one shard's: $ratio** (means over the rounds: $mean_two / $mean_one req/s;
target >= $target_ratio: **$met**). The merged request count equals the sum of the shards' in every round: $counts_add.

The merged rate is the shards' requests over their common window, from the first shard's measured start to the last
one's end; where the shards' windows do not line up exactly (each starts measuring after its own warm-up), that window
is longer than each shard's and the merged rate is below the sum of theirs, the more so the shorter the run.

What this shows and what it does not: the shards' loads add up (nothing between them, such as the start or the
coordinator, serialises them) and the merge computes the throughput over their common window; the bound here is the
latency each connection waits, as it is for a load generator far from its target. Both shards share this machine, so
a shard bound by its own CPU (a target one machine's cores cannot saturate) would not gain from a second shard here;
that case needs a second machine, which is what shards are for (docs/distributed.md).
MD
bench/assemble-performance.sh
cat docs/performance-parts/shards.md
[ "$met" = met ] || exit 1
