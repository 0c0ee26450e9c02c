#!/usr/bin/env bash
# Runs Cluster Bench's main job on a throwaway local cluster: installs what is missing (as root or through
# sudo), builds the clusterbench jar, then runs `clusterbench demo`. Extra arguments go to `demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
mvn -B -q -DskipTests package
exec bin/clusterbench demo "$@"
