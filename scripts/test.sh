#!/usr/bin/env bash
# Runs every test of Cluster Bench on a fresh Debian/Ubuntu machine: installs what is missing (as root or
# through sudo), then builds and runs all tests against private instances of real servers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
exec mvn -B verify "$@"
