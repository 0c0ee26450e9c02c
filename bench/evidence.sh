#!/usr/bin/env bash
# Checks that `clusterbench run` finds what is there and nothing else: three experiments, each `run` repeated N
# times on a throwaway local cluster (Redis, the nginx balancer, sshd: LocalClusterMain) with a delaying TCP proxy
# (DelayProxyMain) in front of the balancer, since this kernel has no sch_netem for `tc netem`:
#   a. no-op:    redis probe, tuning `redis-config: { timeout: 300 }` (reset to 0 before each repetition); every
#                compared metric must read NO_DETECTABLE_CHANGE in at least 95% of the repetitions (19 of 20)
#   b. worse:    http probe through the proxy, tuning an ssh-command that raises the proxy's delay on every answer
#                from 1000 us to 3000 us (undo: back to 1000): 2000 us planted; lb.p50_ms must be WORSE in all
#                repetitions and its 95% interval of the absolute change must contain +2.0 ms in at least 90% (18 of 20)
#   c. improved: the reverse (3000 us before, 1000 after): IMPROVED in all, interval contains -2.0 ms in >= 90%
#   Both conditions hold every answer (1000 us is the base): with 0 the proxy writes an answer from the reading
#   thread at once, so switching the delay on would also change how the answer is written, not only when.
# Prints a table per experiment and writes docs/performance-parts/evidence.md, then bench/assemble-performance.sh.
#
# Usage: bench/evidence.sh [--reps N] [--only no-op|worse|improved] [--dir DIR]
#   --reps N     repetitions of `clusterbench run` per experiment; default 20
#   --only X     run one experiment (the docs are then not written: a part must hold all three)
#   --dir DIR    work folder for the servers, specs and run folders (kept afterwards); default a new temp folder
# Environment: CB_REDIS_REQUESTS, the no-op's redis probe's requests per round (default 40000, about 1 s), to tell round length
#   from other causes when the no-op fails.
# Exit code: 0 when every criterion passed, 1 when one failed, 2 on bad usage, 3 when a tool or server is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

reps=20
only=""
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) reps=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --dir) work=$2; shift 2 ;;
    *) echo "unknown option $1; see the usage at the top of $0" >&2; exit 2 ;;
  esac
done
case "$reps" in ''|*[!0-9]*|0) echo "--reps needs a whole number >= 1, got '$reps'" >&2; exit 2 ;; esac
case "$only" in ''|no-op|worse|improved) ;; *) echo "--only takes no-op, worse or improved, got '$only'" >&2; exit 2 ;; esac

if ! command -v jq >/dev/null 2>&1; then
  echo "jq not found; installing it (apt-get install -y jq)"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y jq; else sudo apt-get install -y jq; fi
fi
for tool in redis-server redis-cli nginx sshd; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || {
    echo "$tool is missing: apt-get install -y redis-server redis-tools nginx openssh-server" >&2; exit 3; }
done

jar=cli/target/clusterbench.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -type f -print -quit)" ]; then
  echo "building (mvn -B -o -q package -DskipTests)"
  mvn -B -o -q package -DskipTests >/tmp/clusterbench-bench-evidence-build.log 2>&1 \
    || { tail -50 /tmp/clusterbench-bench-evidence-build.log >&2; exit 1; }
fi

if [ -z "$work" ]; then
  work=$(mktemp -d /tmp/clusterbench-evidence-XXXXXX)
else
  mkdir -p "$work"
  work=$(cd "$work" && pwd)
fi
control="$work/delay-us"
planted_us=2000
base_us="${CB_BASE_US:-1000}"
high_us=$((base_us + planted_us))
redis_requests="${CB_REDIS_REQUESTS:-40000}"
planted_ms=2.0
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

cluster_pid=""
proxy_pid=""
cleanup() {
  local status=$?
  # SIGTERM: each JVM's shutdown hook closes its sockets or stops its servers (redis, nginx, sshd) before it exits.
  for pid in $proxy_pid $cluster_pid; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in $proxy_pid $cluster_pid; do
    wait "$pid" 2>/dev/null || true
  done
  echo "stopped the proxy and the servers; runs, specs and logs are kept in $work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Waits for a file that a background process writes once it is ready (it moves the file into place whole).
await_file() {
  local file=$1 pid=$2 log=$3 tries=0
  until [ -s "$file" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the process writing $file exited; its log $log ends:" >&2; tail -20 "$log" >&2; exit 3
    fi
    tries=$((tries + 1))
    if [ "$tries" -gt 600 ]; then echo "no $file after 60 s; see $log" >&2; exit 3; fi
    sleep 0.1
  done
}

echo "work folder: $work"
java -cp "$jar" io.clusterbench.local.LocalClusterMain "$work/cluster" >"$work/cluster.log" 2>&1 &
cluster_pid=$!
await_file "$work/cluster/servers.env" "$cluster_pid" "$work/cluster.log"
# shellcheck source=/dev/null
source "$work/cluster/servers.env"
cat "$work/cluster.log"

echo 0 > "$control"
java -cp "$jar" io.clusterbench.local.DelayProxyMain --target "127.0.0.1:$CB_NGINX_PORT" --control "$control" \
  --port-file "$work/proxy.port" >"$work/proxy.log" 2>&1 &
proxy_pid=$!
await_file "$work/proxy.port" "$proxy_pid" "$work/proxy.log"
proxy_port=$(cat "$work/proxy.port")
echo "delay proxy on 127.0.0.1:$proxy_port -> nginx 127.0.0.1:$CB_NGINX_PORT, delay read from $control"

host_yaml="  local: { address: 127.0.0.1, port: $CB_SSHD_PORT, user: \"$CB_SSH_USER\", keyFile: \"$CB_SSH_KEY\", knownHosts: \"$CB_SSH_KNOWN_HOSTS\" }"
probe_http="  lb: { service: lb, rate: 200, duration: 1s, warmup: 500ms }"

cat > "$work/no-op.yaml" <<YAML
# bench/evidence.sh, experiment a: a tuning that cannot change latency on an idle server.
cluster: evidence-no-op
services:
  cache: { type: redis, address: 127.0.0.1, port: $CB_REDIS_PORT }
probes:
  cache: { service: cache, clients: 8, requests: $redis_requests, commands: [get, set], warmup: 500ms }
tuning:
  - { redis-config: cache, set: { timeout: 300 } }
objectives:
  - { metric: cache.p99_ms, pass: "<= 1000" }
YAML

# $1 name, $2 delay before, $3 delay after (us)
planted_spec() {
  cat > "$work/$1.yaml" <<YAML
# bench/evidence.sh, experiment $1: the delay proxy's control file goes from $2 us to $3 us.
cluster: evidence-$1
hosts:
$host_yaml
services:
  lb: { type: http, url: "http://127.0.0.1:$proxy_port/health" }
probes:
$probe_http
tuning:
  - id: planted-delay
    ssh-command: local
    run: [sh, -c, 'echo $3 > "\$1"', sh, "$control"]
    check: [cat, "$control"]
    undo: [sh, -c, 'echo $2 > "\$1"', sh, "$control"]
objectives:
  - { metric: lb.p50_ms, pass: "<= 1000" }
YAML
}
planted_spec worse "$base_us" "$high_us"
planted_spec improved "$high_us" "$base_us"

# The proxy is a fresh JVM: its first thousands of answers run interpreted and slower, which no experiment's first
# condition should absorb alone.
cat > "$work/warm.yaml" <<YAML
cluster: evidence-warm-up
services:
  lb: { type: http, url: "http://127.0.0.1:$proxy_port/health" }
  cache: { type: redis, address: 127.0.0.1, port: $CB_REDIS_PORT }
probes:
  lb: { service: lb, concurrency: 4, duration: 5s, warmup: 0s }
  cache: { service: cache, clients: 8, requests: 20000, commands: [get, set], warmup: 0s }
YAML
echo "warming the proxy and the servers up (5 s of http load, 20,000 redis commands)"
bin/clusterbench benchmark "$work/warm.yaml" --out "$work/warm-up" >"$work/warm-up.log" 2>&1 \
  || { echo "the warm-up benchmark failed; see $work/warm-up.log" >&2; tail -20 "$work/warm-up.log" >&2; exit 1; }

# One JSON line per repetition: wall time, exit code, design, each compared metric, what the tuning left.
record() {
  local rep=$1 wall=$2 rc=$3 load=$4 result=$5
  if [ ! -f "$result" ]; then
    jq -nc --argjson rep "$rep" --argjson wall "$wall" --argjson rc "$rc" --argjson load "$load" \
      '{rep: $rep, wall: $wall, rc: $rc, load1: $load, design: null, order: null, rounds: null, metrics: [], changes: []}'
    return
  fi
  jq -c --argjson rep "$rep" --argjson wall "$wall" --argjson rc "$rc" --argjson load "$load" '
    def median: if type == "object" then .median else . end;
    {rep: $rep, wall: $wall, rc: $rc, load1: $load,
     design: .comparison.design, order: .comparison.order, rounds: .comparison.roundsPerCondition,
     metrics: [.comparison.metrics[]? | {metric, unit, verdict, change, changeLow, changeHigh, changePct,
                detectablePct, before: (.before | median), after: (.after | median)}],
     changes: [.changes[]? | {status, verified, check: .after.check}]}' "$result"
}

# $1 name, $2 spec, $3 command that resets the state before each repetition
experiment() {
  local name=$1 spec=$2 reset=$3 rep start end wall rc load
  mkdir -p "$work/$name"
  : > "$work/$name/reps.jsonl"
  echo
  echo "== $name: $reps x bin/clusterbench run $spec"
  for rep in $(seq "$reps"); do
    eval "$reset"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    rc=0
    bin/clusterbench run "$spec" --out "$work/$name/rep-$rep" >"$work/$name/rep-$rep.log" 2>&1 || rc=$?
    end=$(date +%s.%N)
    wall=$(awk "BEGIN {printf \"%.1f\", $end - $start}")
    record "$rep" "$wall" "$rc" "$load" "$work/$name/rep-$rep/result.json" >> "$work/$name/reps.jsonl"
    jq -r 'def r: if type == "number" then (if fabs >= 100 then round else . * 1000 | round / 1000 end) else . end;
        "  rep \(.rep): exit \(.rc), \(.wall) s, load \(.load1), \(.design // "no design") \(.order // ""); tuning \(
        [.changes[] | "\(.status) check=\(.check // "-")"] | join(", ")); " + (
        [.metrics[] | "\(.metric) \(.before | r)->\(.after | r) \(.verdict // "")"
          + (if .changeLow != null then " [\(.changeLow | r), \(.changeHigh | r)]" else "" end)] | join("; "))' \
      <(tail -1 "$work/$name/reps.jsonl")
  done
}

reset_redis="redis-cli -h 127.0.0.1 -p $CB_REDIS_PORT CONFIG SET timeout 0 >/dev/null"
selected() { [ -z "$only" ] || [ "$only" = "$1" ]; }
selected no-op && experiment no-op "$work/no-op.yaml" "$reset_redis"
selected worse && experiment worse "$work/worse.yaml" "echo $base_us > '$control'"
selected improved && experiment improved "$work/improved.yaml" "echo $high_us > '$control'"
echo 0 > "$control"

# --- summaries ---------------------------------------------------------------------------------------------------

at_least() { awk "BEGIN {x = $1 * $2; n = int(x); if (n < x) n++; print n}"; }  # ceil(fraction * reps)
no_op_needed=$(at_least 0.95 "$reps")
coverage_needed=$(at_least 0.90 "$reps")
verdict_of() { if [ "$1" -ge "$2" ]; then echo PASS; else echo FAIL; fi; }
failed=0

# Per compared metric: how often each verdict, the median change and the range of the interval bounds.
metric_table() {
  jq -rs '
    def med: sort | if length == 0 then null else .[(length - 1) / 2 | floor] end;
    def r3: if . == null then "-" elif fabs >= 100 then (round | tostring) else (. * 1000 | round / 1000 | tostring) end;
    [.[].metrics[]] | group_by(.metric)[] |
    "| `\(.[0].metric)` | \(map(select(.verdict == "NO_DETECTABLE_CHANGE")) | length) | \(map(select(.verdict == "IMPROVED")) | length) | \(map(select(.verdict == "WORSE")) | length) | \(map(select(.verdict == "INCONCLUSIVE")) | length) | \(map(select(.verdict == null)) | length) | \([.[].change | select(. != null)] | med | r3) \(.[0].unit // "") | \([.[].changeLow | select(. != null)] | min | r3) .. \([.[].changeHigh | select(. != null)] | max | r3) | \([.[].detectablePct | select(. != null)] | med | r3) |"' "$1"
}
metric_header="| metric | no detectable change | improved | worse | inconclusive | no verdict | median change | lowest low .. highest high of the 95% intervals | median detectable % |
|---|---|---|---|---|---|---|---|---|"

walls() {
  jq -rs '[.[].wall] | sort | "median \(.[(length - 1) / 2 | floor]) s, min \(min) s, max \(max) s"' "$1"
}
designs() {
  jq -rs '[.[] | "\(.design // "none") \(.order // "") x\(.rounds // "?")"] | group_by(.) | map("\(length) x \(.[0])") | join(", ")' "$1"
}
exits() {
  jq -rs '[.[].rc] | group_by(.) | map("exit \(.[0]): \(length)") | join(", ")' "$1"
}

# Per repetition of the no-op: the metrics that did not read "no detectable change", with their intervals.
no_op_rows() {
  jq -rs '
    def r3: if . == null then "-" elif fabs >= 100 then (round | tostring) else (. * 1000 | round / 1000 | tostring) end;
    .[] | "| \(.rep) | \([.metrics[] | select(.verdict != "NO_DETECTABLE_CHANGE")
      | "`\(.metric)` \(.verdict // "no verdict") \(.change | r3) [\(.changeLow | r3), \(.changeHigh | r3)] \(.unit // "")"]
      | if length == 0 then "all no detectable change" else join("; ") end) | \(.load1) | \(.wall) s |"' "$1"
}

# $1 name, $2 planted change in ms (signed), $3 wanted verdict
planted_rows() {
  jq -rs --argjson planted "$2" --arg want "$3" '
    def r3: if . == null then "-" else (. * 1000 | round / 1000 | tostring) end;
    .[] | (.metrics[] | select(.metric == "lb.p50_ms")) as $m |
    "| \(.rep) | \($m.before | r3) | \($m.after | r3) | \($m.change | r3) [\($m.changeLow | r3), \($m.changeHigh | r3)] | \($m.verdict // "-") | \(if $m.changeLow != null and $m.changeLow <= $planted and $planted <= $m.changeHigh then "yes" else "no" end) | \(.load1) | \(.wall) s |"' \
    "$work/$1/reps.jsonl"
}
count_verdict() {
  jq -s --arg want "$2" '[.[] | select(any(.metrics[]; .metric == "lb.p50_ms" and .verdict == $want))] | length' \
    "$work/$1/reps.jsonl"
}
count_covered() {
  jq -s --argjson planted "$2" '[.[] | select(any(.metrics[]; .metric == "lb.p50_ms" and .changeLow != null
      and .changeLow <= $planted and $planted <= .changeHigh))] | length' "$work/$1/reps.jsonl"
}

sections=()
if selected no-op; then
  f="$work/no-op/reps.jsonl"
  quiet=$(jq -s '[.[] | select((.metrics | length) > 0 and all(.metrics[]; .verdict == "NO_DETECTABLE_CHANGE"))] | length' "$f")
  no_op_verdict=$(verdict_of "$quiet" "$no_op_needed"); [ "$no_op_verdict" = PASS ] || failed=1
  sections+=("$(cat <<MD
### a. No-op: Redis \`timeout\` 0 -> 300

Spec: the redis probe \`{ clients: 8, requests: $redis_requests, commands: [get, set], warmup: 500ms }\` on the
private redis-server, tuning \`{ redis-config: cache, set: { timeout: 300 } }\`, \`CONFIG SET timeout 0\` before
each repetition. An idle connection timeout cannot change the latency or throughput of connections that are busy.

$metric_header
$(metric_table "$f")

| rep | metrics that did not read "no detectable change": verdict, change [95% interval] | load1 at start | wall |
|---|---|---|---|
$(no_op_rows "$f")

**Repetitions in which every compared metric reads "no detectable change": $quiet of $reps** (criterion
>= $no_op_needed: **$no_op_verdict**).
Design: $(designs "$f"). Exit codes: $(exits "$f"). Wall time per \`run\`: $(walls "$f").
MD
)")
fi

planted_section() {
  local name=$1 planted=$2 want=$3 title=$4 from=$5 to=$6
  local f="$work/$name/reps.jsonl" hits covered v1 v2
  hits=$(count_verdict "$name" "$want")
  covered=$(count_covered "$name" "$planted")
  v1=$(verdict_of "$hits" "$reps"); v2=$(verdict_of "$covered" "$coverage_needed")
  cat <<MD
### $title

Spec: the http probe \`{ rate: 200, duration: 1s, warmup: 500ms }\` through the delay proxy to the nginx balancer;
tuning: an \`ssh-command\` on the local sshd that writes $to to the proxy's control file (\`run\`), reads it back
(\`check: [cat, FILE]\`) and writes $from again (\`undo\`); the file holds $from before each repetition. The planted
change of \`lb.p50_ms\` is **$planted ms**.

| rep | before p50 (ms) | after p50 (ms) | change [95% interval] (ms) | verdict | interval contains $planted | load1 at start | wall |
|---|---|---|---|---|---|---|---|
$(planted_rows "$name" "$planted" "$want")

All compared metrics:

$metric_header
$(metric_table "$f")

**\`lb.p50_ms\` $want in $hits of $reps** (criterion $reps of $reps: **$v1**); **its interval contains $planted ms in
$covered of $reps** (criterion >= $coverage_needed: **$v2**).
Design: $(designs "$f"). Exit codes: $(exits "$f"). Wall time per \`run\`: $(walls "$f").
MD
}
# Exit status 1 when the planted change was missed; called outside the section's command substitution.
planted_passed() {
  [ "$(count_verdict "$1" "$3")" -ge "$reps" ] && [ "$(count_covered "$1" "$2")" -ge "$coverage_needed" ]
}
if selected worse; then
  planted_passed worse "$planted_ms" WORSE || failed=1
  sections+=("$(planted_section worse "$planted_ms" WORSE "b. Planted worse: +$planted_us µs on every answer" "$base_us" "$high_us")")
fi
if selected improved; then
  planted_passed improved "-$planted_ms" IMPROVED || failed=1
  sections+=("$(planted_section improved "-$planted_ms" IMPROVED "c. Planted improved: the same $planted_us µs taken away" "$high_us" "$base_us")")
fi

echo
for section in "${sections[@]}"; do
  printf '%s\n\n' "$section"
done

if [ -n "$only" ]; then
  echo "--only $only: docs/performance-parts/evidence.md is not written (it holds all three experiments)"
  exit "$failed"
fi

model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mkdir -p docs/performance-parts
{
  cat <<MD
## Evidence: a no-op tuning and a planted 2 ms, each through \`clusterbench run\` repeated

Measured by \`bench/evidence.sh --reps $reps\` on $(date -u +%Y-%m-%d), on $(nproc) cores ($model),
$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(redis-server --version | awk '{print $1, $3}'),
$(nginx -v 2>&1 | sed 's/.*: //'); load average before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg).

Setup: one private redis-server, nginx balancer (one worker, two upstream server blocks) and OpenSSH sshd on
127.0.0.1, started by \`io.clusterbench.local.LocalClusterMain\`, and \`io.clusterbench.local.DelayProxyMain\`, a TCP
proxy in front of the balancer that holds every chunk of an answer for the number of microseconds in a control
file (parks until 200 µs before the deadline, then spins; \`DelayProxyTest\` checks 2000 µs planted against real
sockets). A proxy, not \`tc netem\`: this kernel has no \`sch_netem\` ("Specified qdisc kind is unknown").
In the planted experiments both conditions hold every answer, $base_us µs before and $high_us µs after (or the
reverse): with no delay the proxy writes an answer from its reading thread at once, so switching from 0 would also
change how an answer is written, not only when (earlier runs from 0 centred on 1.96-1.98 ms, not 2.0). The proxy
and the servers were warmed up with 5 s of http load and 20,000 Redis commands first. Each experiment then runs
\`bin/clusterbench run SPEC --out DIR\` $reps times, one after the other, and reads \`comparison\` in each
\`result.json\` with jq. Criteria (issue 10): the no-op reads "no detectable change" for every compared latency and
throughput metric in at least 95% of the repetitions; the planted change is found in every repetition and its
95% interval contains the planted amount in at least 90%. The interval is the one \`run\` reports: 95% for the
probe's compared metrics together (p50, p99 and throughput: 98.4% for each alone, scoring.md "Effects"), which
covers a single metric more often than a plain 95% interval would.

MD
  for section in "${sections[@]}"; do
    printf '%s\n\n' "$section"
  done
  cat <<MD
### Specs

The three specs as run (ports and paths of that run):

\`\`\`yaml
$(grep -v '^#' "$work/no-op.yaml")
\`\`\`

\`\`\`yaml
$(grep -v '^#' "$work/worse.yaml")
\`\`\`

The improved experiment's spec is the same with $base_us and $high_us swapped in \`run\` and \`undo\`.
MD
} > docs/performance-parts/evidence.md
echo "wrote docs/performance-parts/evidence.md"
bench/assemble-performance.sh
exit "$failed"
