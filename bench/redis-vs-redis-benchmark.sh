#!/usr/bin/env bash
# Compares the redis probe with redis-benchmark at equal clients (50), pipeline (1 and 16), command (GET, SET),
# value size (64 B) and key space (10,000 keys), against one private redis-server started through the
# LocalRedis launcher; the rounds are interleaved and the medians compared. Prints the table and writes it,
# with this command, into docs/performance-parts/redis.md. Target: probe >= 0.9x redis-benchmark's ops/s.
#
# Usage: bench/redis-vs-redis-benchmark.sh [--requests N] [--rounds R]
#        bench/redis-vs-redis-benchmark.sh --soak SECONDS [--sample-every S] [--heap SIZE]
#   --requests N      commands per run at pipeline 1 (pipeline 16 runs send 5x as many); default 200000
#   --rounds R        runs of each tool per configuration; default 3
#   --soak SECONDS    instead, load for SECONDS (300 for the issue's 5-minute check) with 50 clients, GET+SET,
#                     sampling the JVM's heap after GC and RSS every 5 s, and write those numbers instead
#   --heap SIZE       the JVM's -Xmx for the run, such as 256m; default: the JVM's default (a quarter of RAM)
# Environment: CB_TARGET, the Maven build folder (default target-bench-redis), so a run never disturbs others.
set -euo pipefail
cd "$(dirname "$0")/.."

requests=200000
rounds=3
soak=""
every=5
heap=""
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --soak) soak=$2; shift 2 ;;
    --sample-every) every=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    *) echo "unknown option $1; see the usage at the top of $0" >&2; exit 2 ;;
  esac
done
for tool in redis-server redis-benchmark /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install redis-server redis-tools time" >&2; exit 1; }
done

if [ -n "$soak" ]; then
  test="RedisProbeBenchmark#soak"
  props=(-Dcb.redis.soak="$soak" -Dcb.redis.sampleEvery="$every")
  script="bench/redis-vs-redis-benchmark.sh --soak $soak${heap:+ --heap $heap}"
else
  test="RedisProbeBenchmark#compareWithRedisBenchmark"
  props=(-Dcb.redis.requests="$requests" -Dcb.redis.rounds="$rounds")
  script="bench/redis-vs-redis-benchmark.sh --requests $requests --rounds $rounds${heap:+ --heap $heap}"
fi
if [ -n "$heap" ]; then
  props+=(-DargLine="-Xmx$heap")
fi

# The benchmark is a JUnit class that surefire skips by default (its name does not end in Test).
mvn -B -o -q -pl core -am -Dcb.target="${CB_TARGET:-target-bench-redis}" test \
  -Dtest="io.clusterbench.probe.redis.$test" -Dsurefire.failIfNoSpecifiedTests=false \
  "${props[@]}" -Dcb.redis.script="$script"
echo "Written to docs/performance-parts/redis.md"
