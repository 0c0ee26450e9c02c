#!/usr/bin/env bash
# Joins the benchmark reports in docs/performance-parts/ (each written by one bench/ script) into
# docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# Performance"
  echo
  echo "Every number below was measured by a script in \`bench/\` (named in its section, with the command it"
  echo "ran and the machine it ran on). Rerun a script to refresh its section, then \`bench/assemble-performance.sh\`."
  for part in docs/performance-parts/*.md; do
    echo
    sed 's/^# /## /' "$part"
  done
} > docs/performance.md
echo "wrote docs/performance.md from $(ls docs/performance-parts/*.md | wc -l) parts"
