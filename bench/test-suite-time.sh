#!/usr/bin/env bash
# Measures the wall time of the full test command and of `clusterbench validate`, and records them in
# docs/performance-parts/test-suite.md (joined into docs/performance.md by bench/assemble-performance.sh). Run from anywhere: bench/test-suite-time.sh
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s.%N)
scripts/test.sh -q >/tmp/clusterbench-bench-test.log 2>&1
end=$(date +%s.%N)
suite=$(awk "BEGIN {printf \"%.0f\", $end - $start}")
tests=$(grep -ho 'tests="[0-9]*"' */target/surefire-reports/*.xml \
  | grep -o "[0-9]*" | awk "{s += \$1} END {print s}")

validate_runs=20
start=$(date +%s.%N)
for _ in $(seq "$validate_runs"); do bin/clusterbench validate docs/examples/full.yaml >/dev/null; done
end=$(date +%s.%N)
validate=$(awk "BEGIN {printf \"%.2f\", ($end - $start) / $validate_runs}")

mkdir -p docs/performance-parts
cat > docs/performance-parts/test-suite.md <<MD
## Test suite and validate

Measured by \`bench/test-suite-time.sh\` on $(date -u +%Y-%m-%d), on $(nproc) cores,
$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1).

| what | command | result |
|---|---|---|
| the whole test suite ($tests tests, real servers) | \`scripts/test.sh\` | ${suite%.*} s |
| validating the full example spec (JVM start included), mean of $validate_runs | \`bin/clusterbench validate docs/examples/full.yaml\` | $validate s |
MD
bench/assemble-performance.sh
